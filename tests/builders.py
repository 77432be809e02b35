"""Orders in any state for tests, reached through the real services; materials with recorded checks.

Every builder moves the order the way the product does (order_submit, order_claim,
order_review_approve, the regulator outbox and the sandbox's SMS verification, case_decide, the
idle-expiry job), so the timeline, the audit trail, the outbox and the SMS rows are the real ones.
Only the automated material checks are replayed:

**Recorded check results.** `RecordedChecks` wraps the real `run_material_checks`. The first time a
test process sees a given input (material kind, sha256 of the bytes, the requirement, what the
applicant typed) it runs the real OCR, face detection and quality checks and
keeps the `CheckResult`; every later upload with the same input gets a copy of that result. The
Material rows keep the real sample bytes (downloads and the annotated image work) and the
`check_status`/`check_details`/`findings` of that real run, saved by the real
`material_run_checks`. Nothing is written to disk: a recording can never go stale when the checks
change, and there is no fixture file to regenerate. Cost: one real run per distinct image and
typed data per test process (a few seconds for the Beijing sample set), then milliseconds.

The root conftest installs the same recorder for every test outside beian/materials/tests and
tests/e2e (wizard uploads, the API, seed_demo_queue), so only those two run OCR on every upload.

    orders = OrderBuilder(organisation=..., user=applicant, site=hosted_site, reviewer=reviewer)
    order = orders.build(states.PENDING_SUBMISSION)   # or orders.approved(), orders.returned(...)

The `orders` fixture (root conftest) is an OrderBuilder for the personas (applicant, hosted_site,
reviewer). The module-level `valid_order` / `upload_materials` keep the names of tests/factories.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Iterable

from django.core.files.uploadedfile import SimpleUploadedFile

from beian.core import clock
from beian.demo import orders as demo_orders
from beian.demo.orders import BEIJING, VALID_ENTERPRISE, Profile, enterprise_values, material_files
from beian.filings import services, states
from beian.filings.precheck import order_precheck

__all__ = [
    "BEIJING",
    "RECORDED",
    "VALID_ENTERPRISE",
    "OrderBuilder",
    "RecordedChecks",
    "material_files",
    "upload_materials",
    "valid_order",
]

SMS_CODE = re.compile(r"核验码：(\d{6})")


# --- recorded check results -------------------------------------------------------------------


class RecordedChecks:
    """`run_material_checks` with its results recorded per distinct input, replayed afterwards."""

    def __init__(self, real: Callable | None = None):
        self._real = real
        self._results: dict[tuple, object] = {}
        self.runs = 0  # real runs (OCR and face detection happened)
        self.replays = 0

    @property
    def real(self) -> Callable:
        if self._real is None:
            from beian.materials import checks

            self._real = checks.run_material_checks
        return self._real

    @staticmethod
    def key(kind: str, data: bytes, requirement, expected) -> tuple:
        def canonical(value) -> str:
            if hasattr(value, "__dataclass_fields__"):
                from dataclasses import asdict

                value = asdict(value)
            return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)

        # Business "today" is not part of the key: tests freeze the clock at many dates, and the
        # sample documents' dates (births in the 1990s, validity 2020-2040) give the same result at
        # all of them. A test whose material findings depend on the date belongs in
        # beian/materials/tests, where the checks always run for real.
        digest = hashlib.sha256(data).hexdigest()
        if digest in OWN_FORMS:
            # a signed form generated from its own order's data (beian.demo.orders): every order's own
            # form gives the same result, so one real run serves them all (its number differs per order)
            return (kind, "own-order-form", canonical(requirement))
        return (kind, digest, canonical(requirement), canonical(expected))

    def __call__(self, kind: str, data: bytes, *, requirement, expected):
        key = self.key(kind, data, requirement, expected)
        if key not in self._results:
            self._results[key] = self.real(kind, data, requirement=requirement, expected=expected)
            self.runs += 1
        else:
            self.replays += 1
        return copy.deepcopy(self._results[key])

    def installed(self):
        """Context manager: material_run_checks (and the check task) use the recorded results, and
        the signed forms the demo builders generate for an order are known as that order's own."""
        import contextlib
        from unittest import mock

        from beian.demo import orders as demo_orders
        from beian.materials import checks

        if self._real is None:
            self._real = checks.run_material_checks
        stack = contextlib.ExitStack()
        # material_run_checks imports it from the checks package when it runs
        stack.enter_context(mock.patch.object(checks, "run_material_checks", self))
        stack.enter_context(mock.patch.object(demo_orders, "_signed_form", _own_form(demo_orders._signed_form)))
        return stack


OWN_FORMS: set[str] = set()  # sha256 of signed forms rendered from an order's own data


def _own_form(render: Callable[..., bytes]) -> Callable[..., bytes]:
    def rendered(data):
        form = render(data)
        if dict(data).get("order_reference"):  # rendered for an order (verification_form_data)
            # the checks see the upload as stored (re-encoded without metadata), not as rendered
            OWN_FORMS.update(hashlib.sha256(b).hexdigest() for b in (form, _as_stored(form)))
        return form

    return rendered


def _as_stored(data: bytes) -> bytes:
    """The bytes material_upload stores for an upload of `data` (sanitised and re-encoded)."""
    import io

    from django.conf import settings

    from beian.materials.checks.upload import inspect_upload

    return inspect_upload(
        io.BytesIO(data),
        declared_size=len(data),
        allowed_formats=["jpeg", "png", "pdf"],
        max_bytes=len(data) + 1,
        max_pixels=settings.MAX_IMAGE_PIXELS,
    ).data


RECORDED = RecordedChecks()  # one recorder per test process (each xdist worker has its own)


def check_material(material):
    """Run the material's checks with recorded results (the real material_run_checks saves them)."""
    from beian.materials.services import material_run_checks

    with RECORDED.installed():
        return material_run_checks(material=material)


# --- drafts with materials (the names tests/factories always had) ------------------------------


def upload_materials(order, user, slots=None, profile: Profile = BEIJING, *, files=None) -> list:
    """Upload every required material (or only `slots`) through material_upload, as the wizard does,
    and give each its (recorded) check results at once. `files` overrides slot -> (name, bytes)."""
    from beian.materials.services import material_upload, order_requirements

    files = {**material_files(profile, order=order), **(files or {})}
    uploaded = []
    for req in order_requirements(order):
        if slots is None or req.slot in slots:
            # a slot of websites[i] (`owner_id_front__1`): the same person's file as the first website's
            name, data = files[req.slot] if req.slot in files else files[req.base_slot]
            material = material_upload(order=order, slot=req.slot, upload=SimpleUploadedFile(name, data), user=user)
            uploaded.append(check_material(material))
    return uploaded


def valid_order(
    *,
    organisation,
    user,
    site,
    materials: bool = True,
    profile: Profile = BEIJING,
    overrides: dict | None = None,
):
    """A complete draft first filing for `profile` (materials uploaded and checked unless asked not to)."""
    order = demo_orders.valid_order(
        organisation=organisation, user=user, site=site, materials=False, profile=profile, overrides=overrides
    )
    if materials:
        upload_materials(order, user, profile=profile)
    return order


def website_values(profile: Profile, index: int) -> dict:
    """websites[index] (index >= 1) of the profile's subject: its own name, domain and remark; its
    principal the profile's person (the same ID documents) with a mobile of their own."""
    stem, _dot, suffix = profile.domain.partition(".")
    prefix = f"websites[{index}]"
    values = {
        key.replace("websites[0]", prefix): value
        for key, value in enterprise_values(profile).items()
        if key.startswith("websites[0]")
    }
    values[f"{prefix}.name"] = (
        profile.site_name.removesuffix("官网") + ("产品中心", "技术文档", "招聘")[(index - 1) % 3]
    )
    values[f"{prefix}.domain"] = f"{stem}-{index + 1}.{suffix}"
    values[f"{prefix}.principal.mobile"] = f"{int(profile.mobile) + 100 + index}"
    return values


# --- orders in any state -------------------------------------------------------------------------


class OrderBuilder:
    """Orders of one tenant (organisation, applicant user, hosted site) in any lifecycle state.

    Each method returns the order refreshed from the database. `overrides` are typed field values
    on top of the profile's complete enterprise filing."""

    def __init__(self, *, organisation, user, site, reviewer=None, profile: Profile = BEIJING, websites: int = 1):
        self.organisation, self.user, self.site = organisation, user, site
        self._reviewer, self.profile = reviewer, profile
        self.websites = websites  # websites per order: websites[1] on from `website_values`
        self.record_order: dict | None = None  # against_record(): a change or cancellation of a filed record
        self.service_code = None  # with_service_code(): the code each new filing's draft is bound to

    def against_record(
        self,
        filing_type: str,
        *,
        values: dict | None = None,
        reason_code: str | None = None,
        confirmation: str | None = None,
        website_number: str = "",
        hosted_site=None,
    ) -> OrderBuilder:
        """The same builder for orders of `filing_type` (a change or cancellation, rules.record_orders)
        against the tenant's filed record: its first active website (or `website_number`), filed
        first through this builder when the tenant has none. `values`: the fields the change sets;
        `reason_code` (default: the first listed for the type) and `confirmation` (default: what the
        cancellation asks to type) for cancellations."""
        other = copy.copy(self)
        other.record_order = {
            "filing_type": filing_type,
            "values": dict(values or {}),
            "reason_code": reason_code,
            "confirmation": confirmation,
            "website_number": website_number,
            "hosted_site": hosted_site,  # change access: the site that serves the website afterwards
        }
        return other

    def filed_record(self):
        """The tenant's active subject record, filed through a first filing when there is none."""
        from beian.filings.models import RecordStatus, SubjectFiling

        record = SubjectFiling.objects.filter(organisation=self.organisation, status=RecordStatus.ACTIVE).first()
        if record is None:
            plain = copy.copy(self)
            plain.record_order = None
            plain.approved()
            record = SubjectFiling.objects.get(organisation=self.organisation, status=RecordStatus.ACTIVE)
        return record

    def _record_draft(self):
        from beian.filings import changes
        from beian.filings.models import RecordStatus

        spec = self.record_order
        assert spec is not None
        record = self.filed_record()
        number = spec["website_number"] or (
            record.websites.filter(status=RecordStatus.ACTIVE)
            .order_by("sequence")
            .values_list("filing_number", flat=True)
            .first()
            or ""
        )
        started = services.order_start_from_record(
            organisation=self.organisation,
            user=self.user,
            filing_type=spec["filing_type"],
            subject_number=record.filing_number,
            website_number=number,
        )
        order = started.order
        if spec["values"]:
            services.order_update(order=order, user=self.user, values=spec["values"])
        if spec["hosted_site"] is not None:
            services.order_set_request(order=order, user=self.user, hosted_site=spec["hosted_site"])
        if spec["filing_type"].startswith("CANCEL_"):
            reasons = changes.cancellation_reasons(spec["filing_type"])
            confirmation = spec["confirmation"]
            services.order_set_request(
                order=order,
                user=self.user,
                reason_code=(reasons[0]["code"] if reasons else "")
                if spec["reason_code"] is None
                else spec["reason_code"],
                confirmation=changes.expected_confirmation(order) if confirmation is None else confirmation,
            )
        return self._fresh(order)

    def with_service_code(self, code) -> OrderBuilder:
        """The same builder for new filings started with `code` (a ServiceCode of the site), bound to
        the draft as the wizard's start binds it (filings.service_codes.service_code_bind)."""
        other = copy.copy(self)
        other.service_code = code
        return other

    def with_websites(self, count: int) -> OrderBuilder:
        """The same builder for orders of `count` websites."""
        other = copy.copy(self)
        other.websites = count
        return other

    @property
    def reviewer(self):
        if self._reviewer is None:
            from beian.accounts.models import User

            self._reviewer, _ = User.objects.get_or_create(
                username="builder-reviewer", defaults={"role": User.Role.REVIEWER}
            )
        return self._reviewer

    @staticmethod
    def _fresh(order):
        from beian.filings.models import Order

        return Order.objects.select_related("subject__principal", "website__principal", "assigned_reviewer").get(
            pk=order.pk
        )

    # applicant side

    def draft(self, *, overrides: dict | None = None, values: bool = True):
        """A draft: the profile's typed data (or none with values=False), no materials."""
        if self.record_order is not None:
            return self._record_draft()
        order = services.order_create_draft(organisation=self.organisation, user=self.user, hosted_site=self.site)
        if self.service_code is not None:
            from beian.filings.service_codes import service_code_bind

            service_code_bind(order=order, code=self.service_code, actor=self.user)
        if values:
            extra = {}
            for index in range(1, self.websites):
                extra.update(website_values(self.profile, index))
            services.order_update(
                order=order, user=self.user, values={**enterprise_values(self.profile), **extra, **(overrides or {})}
            )
        return self._fresh(order)

    def complete_draft(self, *, overrides: dict | None = None, slots: Iterable[str] | None = None, files=None):
        """A draft with every field and the materials (or only `slots`), checked."""
        order = self.draft(overrides=overrides)
        upload_materials(order, self.user, slots=slots, profile=self.profile, files=files)
        return self._fresh(order)

    def submitted(self, *, overrides: dict | None = None, acknowledge_warnings: bool = False):
        """PENDING_PROVIDER_REVIEW. `acknowledge_warnings` acknowledges the warnings the wizard shows."""
        order = self.complete_draft(overrides=overrides)
        acknowledged = order_precheck(order).warning_codes if acknowledge_warnings else ()
        services.order_submit(order=order, user=self.user, acknowledged_warnings=acknowledged)
        return self._fresh(order)

    def withdrawn(self, **kwargs):
        """Submitted, then withdrawn by the applicant: DRAFT again, with the submit/withdraw timeline."""
        order = self.submitted(**kwargs)
        services.order_withdraw(order=order, user=self.user)
        return self._fresh(order)

    def abandoned(self, **kwargs):
        order = self.complete_draft(**kwargs)
        services.order_abandon(order=order, user=self.user)
        return self._fresh(order)

    def expired(self, **kwargs):
        """A draft left idle until the expiry job (reference policy) expired it. Moves business time."""
        from beian.filings import lifecycle

        order = self.complete_draft(**kwargs)
        policy = lifecycle.idle_policy()
        assert policy is not None, "no idle policy in the reference data"
        clock.advance(days=policy.expire_days + 1)
        lifecycle.order_expire_idle()
        return self._fresh(order)

    # provider review

    def claimed(self, *, reviewer=None, **kwargs):
        order = self.submitted(**kwargs)
        services.order_claim(order=order, reviewer=reviewer or self.reviewer)
        return self._fresh(order)

    def returned(
        self,
        *,
        fields: Iterable[str] = ("websites[0].name",),
        slots: Iterable[str] = (),
        reason_code: str = "SITE_NAME_NOT_RELATED",
        slot_reason_code: str = "DOC_UNCLEAR",
        note: str = "",
        reviewer=None,
        **kwargs,
    ):
        """PROVIDER_NEEDS_CHANGES: `fields` (paths) and material `slots` returned to the applicant."""
        order = self.submitted(**kwargs)
        returns = [{"field": f, "reason_code": reason_code, "note": note} for f in fields]
        returns += [{"field": f"materials.{s}", "reason_code": slot_reason_code, "note": note} for s in slots]
        services.order_return_fields(order=order, reviewer=reviewer or self.reviewer, returns=returns)
        return self._fresh(order)

    def resubmitted(self, *, changes: dict | None = None, fields: Iterable[str] = ("websites[0].name",), **kwargs):
        """PROVIDER_RESUBMITTED: returned, the applicant changed the returned fields (and uploaded the
        returned slots again), then submitted again."""
        slots = tuple(kwargs.get("slots", ()))
        order = self.returned(fields=fields, **kwargs)
        values = changes if changes is not None else self._changed_values(order, fields)
        if values:
            services.order_update(order=order, user=self.user, values=values)
        if slots:
            upload_materials(order, self.user, slots=slots, profile=self.profile)
        services.order_submit(order=order, user=self.user)
        return self._fresh(order)

    def _changed_values(self, order, fields) -> dict:
        defaults = {"websites[0].name": self.profile.site_name.removesuffix("官网") + "公司官网"}
        return {f: defaults[f] for f in fields if f in defaults}

    # regulator

    def pending_submission(self, *, reviewer=None, **kwargs):
        """PENDING_SUBMISSION: approved by the provider reviewer; nothing pushed yet."""
        order = self.submitted(**kwargs)
        services.order_review_approve(order=order, reviewer=reviewer or self.reviewer)
        return self._fresh(order)

    def pushed(self, **kwargs):
        """Pushed through the outbox to the sandbox: SMS_VERIFICATION (the principals were texted), or
        REGULATOR_REVIEW for a type without MIIT SMS (cancel website, cancel access…)."""
        return self.push(self.pending_submission(**kwargs))

    def push(self, order):
        """An order in PENDING_SUBMISSION pushed through the outbox to the sandbox."""
        from beian.regulator.services import submission_enqueue, submissions_process_due

        if order.status == states.PENDING_SUBMISSION:  # the approval's on_commit did not run
            submission_enqueue(order_pk=order.pk)
            submissions_process_due()
        return self._fresh(order)

    def sms_verification(self, **kwargs):
        """SMS_VERIFICATION: pushed through the outbox to the sandbox, which texted the principals."""
        order = self.pushed(**kwargs)
        assert order.status == states.SMS_VERIFICATION, order.status
        return order

    def regulator_review(self, **kwargs):
        """REGULATOR_REVIEW: every principal answered the sandbox's SMS with the right code."""
        return self.answer_sms(self.pushed(**kwargs))

    def answer_sms(self, order):
        """An order pushed to the sandbox with every SMS answered (none for a type without SMS):
        REGULATOR_REVIEW."""
        from beian.core.crypto import blind_index
        from beian.filings.fields import websites_of
        from beian.notifications.models import SmsMessage
        from beian.regulator.services import sms_verify

        if order.status == states.REGULATOR_REVIEW:  # no SMS for this type
            return order
        assert order.status == states.SMS_VERIFICATION, order.status
        people = {}
        for person in (order.subject.principal, *(w.principal for w in websites_of(order))):
            people[blind_index(person.mobile, purpose="mobile")] = person
        messages = SmsMessage.objects.filter(order=order, purpose="miit_verification").order_by("created_at", "pk")
        for message in messages:
            person = people[message.mobile_index]
            sms_verify(
                order=order,
                mobile=person.mobile,
                code=SMS_CODE.search(message.body).group(1),
                certificate_tail=(person.certificate_number or "")[-6:],
            )
        order = self._fresh(order)
        assert order.status == states.REGULATOR_REVIEW, order.status
        return order

    def decide(self, order, **decision):
        """The sandbox regulator's decision on an order in REGULATOR_REVIEW (approve=True, or a
        rejection with reason_code)."""
        return self._decide(order, **decision)

    def _decide(self, order, **decision):
        from beian.regulator.models import latest_case
        from beian.regulator.services import case_decide

        case_decide(latest_case(order), decided_by="regulator-sandbox", **decision)
        return self._fresh(order)

    def approved(self, **kwargs):
        """APPROVED: the regulator approved; subject and website carry their filing numbers."""
        return self._decide(self.regulator_review(**kwargs), approve=True)

    filed = approved

    def regulator_rejected(self, *, reason_code: str = "SITE_NAME_NOT_RELATED", note: str = "", **kwargs):
        return self._decide(self.regulator_review(**kwargs), approve=False, reason_code=reason_code, note=note)

    rejected = regulator_rejected

    def sms_timed_out(self, **kwargs):
        """RETURNED_SMS_TIMEOUT: nobody answered the SMS within the window. Moves business time."""
        from beian.regulator.adapters.sandbox import sms_rules
        from beian.regulator.services import regulator_progress

        order = self.sms_verification(**kwargs)
        clock.advance(hours=float(sms_rules()["window_hours"]) + 1)
        regulator_progress()
        return self._fresh(order)

    BY_STATE = {
        states.DRAFT: "complete_draft",
        states.PENDING_PROVIDER_REVIEW: "submitted",
        states.PROVIDER_NEEDS_CHANGES: "returned",
        states.PROVIDER_RESUBMITTED: "resubmitted",
        states.PENDING_SUBMISSION: "pending_submission",
        states.SMS_VERIFICATION: "sms_verification",
        states.REGULATOR_REVIEW: "regulator_review",
        states.REGULATOR_REJECTED: "regulator_rejected",
        states.RETURNED_SMS_TIMEOUT: "sms_timed_out",
        states.APPROVED: "approved",
        states.ABANDONED: "abandoned",
        states.EXPIRED: "expired",
    }
    # PROVIDER_REJECTED is in the transition table, but no service leads there yet.

    def build(self, state: str, **kwargs):
        """An order in `state` (a key of BY_STATE), reached through the services."""
        return getattr(self, self.BY_STATE[state])(**kwargs)
