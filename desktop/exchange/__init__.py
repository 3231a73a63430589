"""Submission bundles: build, sign, encrypt, verify, import; keys and trust store. No Qt here.

The format is in docs/bundle-format.md. This package is what the window (and the command line,
desktop/cli/exchange.py, a complete example) calls. Every function returns plain dataclasses and
raises `desktop.domain.messages.UserError` with an Indonesian message the window translates with
`tr_user_error`. Verification failures are `errors.BundleError` (a UserError) with `.stage` and a
stable `.code`; a cancel is `errors.UserCancelledError` (a UserError).

Threads. The store's SQLite connection belongs to the GUI thread, so each long job is split: the
database parts (quick) on the GUI thread, the file work on a worker (`run_in_background`), whose
progress callback is `(done_bytes, total_bytes)` and whose cancel check is any callable returning
True to stop (`lambda: job.cancelled`); it may also raise its own exception (`job.check`), which
propagates after the same clean-up. Memory stays flat whatever the evidence size.

Keys (settings dialog, first-run wizard) — `desktop.exchange.trust`, `desktop.exchange.keys`:

    keys.check_passphrase(text)                          # UserError: too short (< 8), too long, control chars
    info = trust.create_office_key(store, passphrase, replace=False)   # ~0.3 s (scrypt); PublicKeyInfo
    trust.office_key(store) -> PublicKeyInfo | None      # .fingerprint "4F2A-91C3-7B0D-E6A5-0C11", .key_id
    trust.export_public_key(store, path)                 # writes the .pub atomically
    key = trust.read_key_file(path)                      # a partner's .pub: show key.fingerprint, key.key_id,
    trust.trust_key(store, key, name, role)              #   ask the user to compare it, then trust (audited)
    store.trust.trusted_keys() -> [TrustedKey]           # .fingerprint .key_id .name .role .office_id .added_at
    trust.untrust_key(store, fingerprint_or_key_id)
    trust.add_recipient(store, "age1…", name); store.trust.recipients(); trust.remove_recipient(store, name)
    storage.trust_store.ROLE_LABELS                      # role -> translatable label

Export (window: period, services, target file, encrypt when `store.trust.recipients()` is not empty):

    plan = export.prepare_export(store, period, services=None, forms=())     # GUI thread; UserError when
                                                         #   there is no key or nothing to send
    plan.suggested_name, plan.submission.reports, plan.evidence_bytes        # for the dialog
    # worker:
    with keys.unlock_office_key(store.data_dir, passphrase, plan.signer) as signer:   # wrong passphrase: UserError
        result = export.write_bundle(plan, out_path, signer, encrypt_to=[r.recipient for r in chosen],
                                     progress=job.progress, cancelled=lambda: job.cancelled)
    # GUI thread, on success:
    export.record_export(store, plan, result)            # if this raises, call export.discard_export(result)
    result.path, result.bundle_id, result.file_size, result.encrypted, result.reports, result.evidence_files

    write_bundle writes a temporary file beside the target, syncs it, reads it back from the device
    and verifies it in full, and only then gives it its name; a full or pulled-out stick or a cancel
    leaves no file that looks complete. Nothing is recorded until record_export.

Verify and import (window: choose a file; an identity file when it is a .spmb.age):

    trust_now = verify.trust_of_store(store)             # GUI thread (reads the trust store)
    # worker (a .spmb.age is decrypted to <data_dir>/incoming first):
    verified = verify.verify_bundle(path, trust_now, identity=None, work_dir=store.data_dir / "incoming",
                                    progress=job.progress, cancelled=lambda: job.cancelled)
    # GUI thread:
    plan = import_bundle.plan_import(store, verified)    # UserError: from this office itself, other district
    plan.already_imported, plan.refusal (UserError | None: out of date), plan.changes_anything,
    plan.new_office, plan.office.name, plan.reports: [ReportPlan(service_code, service_name, verdict,
        label (translatable), revision, current_revision, changes: [FigureChange(area_code, area_name,
        column, before, after)], evidence_added: [EvidenceRef(name, size, …)], evidence_removed, gap)]
    # after the user confirms — worker:
    staged = import_bundle.stage_evidence(store, plan, progress=job.progress, cancelled=lambda: job.cancelled)
    # GUI thread:
    result = import_bundle.apply_import(store, plan, staged)   # one transaction; result.message (a Message)
    verified.close()                                      # removes the decrypted copy of a .spmb.age

    Verdicts (import_bundle.Verdict): NEW, UPDATE, UNCHANGED, OUT_OF_DATE (the whole bundle is
    refused), CONFLICT (kept beside the current revision; store.bundles.conflicts(),
    store.bundles.resolve_conflict(office_id, service, period, bundle_id)).

Modules: keys (key files, fingerprints, passphrases), trust (the above), bag (BagIt text and
checks, also over an unpacked folder), container (the defensive ZIP reader), submission
(submission.json / .csv), encryption (age), export, verify, import_bundle, errors.
"""
