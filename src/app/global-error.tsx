"use client";

// The last resort, when even the root layout failed: the same calm words as error.tsx, never a code.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "system-ui, sans-serif", background: "#f7f6f3", color: "#1f2933" }}>
        <main id="main" style={{ maxWidth: "32rem", margin: "0 auto", padding: "4rem 1rem" }}>
          <h1 style={{ fontSize: "1.5rem", fontWeight: 700 }}>Something went wrong</h1>
          <p style={{ marginTop: "0.5rem", color: "#52606d" }}>Nothing you saved has been lost. Please try again in a moment.</p>
          <button
            type="button"
            onClick={retry}
            style={{
              marginTop: "1rem",
              minHeight: "2.75rem",
              padding: "0 1rem",
              borderRadius: "0.5rem",
              background: "#1f5f8b",
              color: "#fff",
              fontWeight: 600,
              border: 0,
            }}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
