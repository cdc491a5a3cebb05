-- The audit trail is append-only: the database itself refuses to change or remove an entry, so
-- no code path (a bug, a new endpoint, a hand-written query through the app's connection) can.
-- There is no retention path in the application; see Audit/README.md for the operator's procedure.
CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only: UPDATE is refused');
END;

CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only: DELETE is refused');
END;
