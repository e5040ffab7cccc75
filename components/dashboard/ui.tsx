import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import type { UserMessage } from '../../domain/errors';
import { TiekeeperError } from '../../domain/errors';
import { t, type MessageKey } from '../../i18n';
import { errorText, messageText } from '../shared/errors';
import type { Route } from './route';

/**
 * Says something to screen readers and shows it briefly: "Saved", "Merged". It belongs to a
 * page: the current one, or `on` when the action goes on to that page. Leaving it takes the
 * text away, so that it never lingers over the next page's rows.
 */
export type Announce = (text: string, on?: Route) => void;

export const AnnounceContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
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
            <li key={i}>{messageText(detail)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A message with React elements in its placeholders, e.g. "Introduce $1 to $2" with two links:
 * the translation decides the order, the elements stay elements (never HTML from a string).
 */
export function interpolate(key: MessageKey, ...parts: ReactNode[]): ReactNode[] {
  const marker = (i: number) => `\uE000${i}\uE001`;
  const text = t(key, ...parts.map((_, i) => marker(i)));
  return text.split(/(\uE000\d+\uE001)/).map((piece, i) => {
    const match = /^\uE000(\d+)\uE001$/.exec(piece);
    return match ? <Fragment key={i}>{parts[Number(match[1])]}</Fragment> : piece;
  });
}
