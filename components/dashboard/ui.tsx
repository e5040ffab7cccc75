import { createContext, useContext, useEffect, useState } from 'react';
import type { UserMessage } from '@/domain/errors';
import { TiekeeperError } from '@/domain/errors';
import { t } from '@/i18n';
import { errorText } from '../shared/errors';

/** Says something to screen readers (and shows it briefly): "Saved", "Merged". */
export const AnnounceContext = createContext<(text: string) => void>(() => {});

export function useAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}

/** The current time, moving on every minute, for "3 days ago" and what is due. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A failure with everything the data layer says about it: the main message and the details. */
export function ErrorMessage({ error }: { error: unknown }) {
  const details: UserMessage[] = error instanceof TiekeeperError ? error.details : [];
  return (
    <div className="dash-error" role="alert">
      <p>{errorText(error)}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail, i) => (
            <li key={i}>{t(detail.key, ...detail.params)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
