-- service_days grows by whole months of generated days at a time and most of its rows never
-- change again, so the default thresholds (a fifth of the table changed: 1.3 M rows at 10×)
-- would leave the planner with statistics from before a bulk generation, and the visibility map
-- that index-only scans need (drizzle/0020) unset on the new pages, for a long time. Analyze
-- after ~1 % changed, vacuum (also after inserts only, which sets the visibility map) after ~2 %.
ALTER TABLE "service_days" SET (
  autovacuum_analyze_scale_factor = 0.01,
  autovacuum_analyze_threshold = 5000,
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_threshold = 5000,
  autovacuum_vacuum_insert_scale_factor = 0.02,
  autovacuum_vacuum_insert_threshold = 5000
);
