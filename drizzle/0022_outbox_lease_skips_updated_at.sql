-- A drainer's lease (next_retry_at pushed forward by the claim, nothing else) is not a change
-- of the event: it no longer fires the per-row updated_at trigger, which was a sixth of the
-- claim's time. A retry (attempts, next due time), an outcome (status) or anything else still does.
DROP TRIGGER outbox_events_set_updated_at ON outbox_events;
--> statement-breakpoint
CREATE TRIGGER outbox_events_set_updated_at BEFORE UPDATE ON outbox_events FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.retry_count IS DISTINCT FROM OLD.retry_count
        OR NEW.error_message IS DISTINCT FROM OLD.error_message OR NEW.payload IS DISTINCT FROM OLD.payload
        OR NEW.next_retry_at IS NOT DISTINCT FROM OLD.next_retry_at)
  EXECUTE FUNCTION set_updated_at();
