-- The audit trail is append-only: the database itself refuses to change or remove an entry, so
-- no code path (a bug, a new endpoint, a hand-written query through the app's connection) can.
-- TRUNCATE, which skips row triggers, is refused by a statement trigger of its own.
-- There is no retention path in the application; see Audit/README.md for the operator's procedure.
CREATE FUNCTION kp_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER kp_audit_no_update BEFORE UPDATE OR DELETE ON "AuditEntries"
    FOR EACH ROW EXECUTE FUNCTION kp_audit_append_only();

CREATE TRIGGER kp_audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
    FOR EACH STATEMENT EXECUTE FUNCTION kp_audit_append_only();
