-- updated_at really updates on every UPDATE of a menu (as for every other table).
CREATE TRIGGER menus_set_updated_at BEFORE UPDATE ON menus FOR EACH ROW EXECUTE FUNCTION set_updated_at();
