/**
 * next-auth's browser client (11 kB gzipped): loaded when a page signs in or out, or polls the
 * session after hydration, never as part of a page's first-load JavaScript.
 */
export const loadAuthClient = () => import('next-auth/react');
