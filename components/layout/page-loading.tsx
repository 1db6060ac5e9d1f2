// What a slow page shows while its data loads (Next's loading.tsx): the page's name in words and a
// quiet placeholder where its content will appear. The area's layout has already checked who may see
// the page, so a refusal is a real 403 before anything streams; this is only the wait.
export function PageLoading({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p className="text-lg font-semibold" aria-live="polite">
        {label}
      </p>
      <div className="mt-6 space-y-3" aria-hidden="true">
        <div className="h-8 w-2/3 animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
        <div className="h-4 w-full animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
        <div className="h-4 w-full animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
        <div className="h-4 w-5/6 animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
      </div>
    </div>
  );
}
