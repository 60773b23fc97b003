// Preloaded into the bench's `next start` (NODE_OPTIONS=--import): the server's clock reads
// CHEFOPS_BENCH_NOW at its start and runs on from there, so HTTP requests see the same "now"
// as the fixture and the tRPC-caller measurements. Bench-only; the app never loads this.
const target = Date.parse(process.env.CHEFOPS_BENCH_NOW ?? '');
if (!Number.isNaN(target)) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  const offset = target - realNow();
  RealDate.now = () => realNow() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct(Target, args, newTarget) {
      return Reflect.construct(Target, args.length === 0 ? [RealDate.now()] : args, newTarget);
    },
    apply() {
      return new RealDate(RealDate.now()).toString();
    },
  });
}
