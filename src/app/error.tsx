"use client";

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-muted">Nothing you saved has been lost. Please try again in a moment.</p>
      <button type="button" onClick={retry} className="mt-4 min-h-11 rounded-lg bg-accent px-4 font-semibold text-white">
        Try again
      </button>
    </main>
  );
}
