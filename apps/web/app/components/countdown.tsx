'use client';

import { useEffect, useState } from 'react';

/** Counts down to a moment given in seconds since the epoch; announces only on expiry. */
export function Countdown({ until, label }: { until: number; label: string }) {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
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
