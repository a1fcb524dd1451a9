import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-2xl font-bold">We could not find that page</h1>
      <p className="mt-2 text-muted">It may have moved, or you may not have access to it.</p>
      <p className="mt-4">
        <Link href="/" className="font-semibold text-accent underline">
          Go to your home page
        </Link>
      </p>
    </main>
  );
}
