'use client';

import { useEffect, useState } from 'react';

/**
 * Counts down to a moment given in seconds since the epoch; announces only on expiry.
 * The first render uses `renderedAt`, the server's clock when it rendered the page, so the HTML
 * from the server and the browser's first render are the same text (no hydration mismatch,
 * React error #418); the browser's clock takes over at the first tick.
 */
export function Countdown({
  until,
  renderedAt,
  label,
}: {
  until: number;
  renderedAt: number;
  label: string;
}) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = until - now;
  if (left <= 0) {
    return (
      <span className="badge warn" role="status">
        {label} expired {-left}s ago — the next API call refreshes it
      </span>
    );
  }
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return (
    <span className="badge ok" data-testid="expiry-countdown">
      {label} expires in {minutes > 0 ? `${minutes}m ` : ''}
      {seconds}s
    </span>
  );
}
