// Tailwind v4 is configured in CSS (app/globals.css, `@theme`); this file documents the
// content roots for editors and tools that still look for a config file.
const config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
};

export default config;
