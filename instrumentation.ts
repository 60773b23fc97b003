// Next.js calls register() once when a server process starts (dev and production).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that requests carry their socket address for the per-IP rate limits.
  const { installPeerAddressHeader } = await import('./server/http/peer-address');
  installPeerAddressHeader();
  const { startServer } = await import('./server/startup');
  await startServer();
}
