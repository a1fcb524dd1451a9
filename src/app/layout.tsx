import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PeerPath", template: "%s · PeerPath" },
  description: "Run your school's peer-mentoring programme.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so its scripts carry that response's CSP nonce (ADR 011).
  await connection();
  return (
    <html lang="en-GB">
      <body className="antialiased">{children}</body>
    </html>
  );
}
