import { useSyncExternalStore } from 'react';

/**
 * The dashboard's pages, one per hash route, so that the background and notifications can open
 * a page directly (`dashboard.html#/contact/<id>`, `#/due`) and the browser's back button works.
 */
export type Route =
  | { page: 'list'; due: boolean }
  | { page: 'contact'; id: string }
  | { page: 'duplicates' }
  | { page: 'introductions' }
  | { page: 'import' }
  | { page: 'export' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [head = '', ...rest] = path.split('/');
  switch (head) {
    case 'due':
      return { page: 'list', due: true };
    case 'contact': {
      let id = '';
      try {
        id = decodeURIComponent(rest.join('/'));
      } catch {
        // A mangled link: show everyone instead.
      }
      return id ? { page: 'contact', id } : { page: 'list', due: false };
    }
    case 'duplicates':
    case 'introductions':
    case 'import':
    case 'export':
    case 'settings':
      return { page: head };
    default:
      return { page: 'list', due: false };
  }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'list':
      return route.due ? '#/due' : '#/';
    case 'contact':
      return `#/contact/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, following the address bar. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
