const dev = process.env.NODE_ENV !== 'production';

// Next's own inline bootstrap scripts need 'unsafe-inline'; dev tooling also needs eval.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

// `npm run bench -- --scale 10` builds the app once more with its bench-only route handlers
// (`route.bench.ts`, never part of a normal build) into a folder of its own.
const benchBuild = process.env.CHEFOPS_BENCH_BUILD === '1';

// Route handlers that answer JSON, never rendered as a document (the bench's bare route is one):
// a policy that allows nothing. It also has no colon: Next compiles a header value with a colon
// as a path template on every request it applies to (25–50 µs of a tRPC call's CPU).
const jsonRoutes = ['trpc', 'cron', 'health', ...(benchBuild ? ['bench'] : [])];
const jsonCsp = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...(benchBuild ? { distDir: '.next/bench', pageExtensions: ['bench.ts', 'tsx', 'ts', 'jsx', 'js'] } : {}),
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled;
  // pdfkit loads its own font data files and fontkit at run time, which a bundle would lose.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'proper-lockfile', 'nodemailer', 'piscina', 'bcryptjs', 'pdfkit'],
  // Read at run time by path (password worker threads, the common-password list, the PDF
  // fonts), not imported.
  outputFileTracingIncludes: {
    '/**': [
      './server/auth/password-worker.mjs',
      './server/auth/common-passwords.txt',
      './node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      './node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    ],
  },
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      // Pages (and the exports people open as documents) get the page policy.
      { source: `/((?!api/(?:${jsonRoutes.join('|')})(?:/|$)).*)`, headers: [{ key: 'Content-Security-Policy', value: csp }] },
      { source: `/api/(${jsonRoutes.join('|')})/:path*`, headers: [{ key: 'Content-Security-Policy', value: jsonCsp }] },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          // Browsers honour HSTS only over https, so sending it from any production server is safe.
          ...(dev ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }]),
        ],
      },
    ];
  },
};

export default nextConfig;
