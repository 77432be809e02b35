"""The wizard as a flow of step objects (the way pretix's checkout flow does it).

Each step knows its key, title, the order fields it edits, whether it applies to an order, whether
it is complete given a pre-review, its template, and how it answers GET and POST. The views look a
step up by key and hand the request over; next and previous come from the flow.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from beian.applicant import record_orders as record_pages
from beian.applicant.forms import StepForm, UploadForm
from beian.applicant.record_orders import filing_type_of, is_record_order
from beian.core.exceptions import DomainError, ValidationFailed
from beian.filings import changes, selectors, services, states
from beian.filings import fields as order_fields
from beian.filings.eta import order_eta
from beian.filings.fields import CHECKLIST_PATHS, FIELD_GROUPS
from beian.filings.precheck import Precheck, order_precheck
from beian.filings.validation import order_findings
from beian.hosting.models import HostedSite
from beian.materials import services as material_services
from beian.rules import record_orders
from beian.rules.domains import display_domain, record_domain

SECTION_HEADINGS = {
    "subject.principal": gettext_lazy("Subject principal (normally the legal representative)"),
    "websites[].principal": gettext_lazy("Website principal (does the face verification, receives the MIIT SMS)"),
}


def member_of(request) -> bool:
    """The user is the customer (True), or staff filling in on the customer's behalf (the assisted
    filing service: beian.applicant.views.step sets `request.assisting`)."""
    return not getattr(request, "assisting", False)


def order_of(request, pk):
    """The order as the user may read it: the tenant's own, or (staff assisting) an assisted order."""
    if not member_of(request):
        return selectors.order_for_assisting(pk)
    return selectors.order_for_organisation(request.organisation, pk)


def returns_of(order) -> dict[str, dict]:
    """The reviewer's returns by field path, with the catalogue reason in the user's language."""
    from beian.reference.models import RejectionReason  # a model of another app: read here only

    english = (get_language() or "").startswith("en")
    texts = {
        r.code: (r.text_en if english and r.text_en else r.text_zh)
        for r in RejectionReason.objects.filter(code__in=[x["reason_code"] for x in order.returned_fields])
    }
    return {r["field"]: {**r, "reason": texts.get(r["reason_code"], r["reason_code"])} for r in order.returned_fields}


def returned_rows(order) -> list[dict]:
    """The reviewer's returns as the order page and the confirm step list them: the field's label,
    the reason and note, and the step where it is fixed."""
    return [
        {
            **r,
            "label": order_fields.BY_PATH[r["field"]].full_label
            if r["field"] in order_fields.BY_PATH
            else order_fields.REQUEST_LABELS.get(r["field"], r["field"]),
            "step": step_of_path(r["field"], order).key,
        }
        for r in returns_of(order).values()
    ]


def _findings_of(precheck) -> list:
    return precheck.findings if isinstance(precheck, Precheck) else list(precheck)


def step_findings(order) -> list:
    """The findings the steps show: the field rules; for an order against a filed record only those
    about what it applies for (filings.changes.in_scope), with its own (nothing changed, domains,
    reason, confirmation, empty shell) first."""
    if not is_record_order(order):
        return order_findings(order)
    rules = [f for f in order_findings(order) if changes.in_scope(order, f)] if changes.files_data(order) else []
    return [*changes.record_order_findings(order), *rules]


# Which orders a step applies to, by filing type: the new filings (first filing, new website, new
# access) walk the verify-checklist-context-subject-website path; a change of a filed record starts
# with what it changes and shows only the part it changes; a cancellation or a change of access is
# one step and the confirmation (rules file §1.5–§1.7).
def new_filing(kind: str) -> bool:
    return not record_orders.is_record_type(kind)


def files_subject(kind: str) -> bool:
    return new_filing(kind) or kind in record_orders.SUBJECT_PARTS


def files_website(kind: str) -> bool:
    return new_filing(kind) or kind in record_orders.WEBSITE_PARTS


def files_data(kind: str) -> bool:
    return new_filing(kind) or kind in record_pages.CHANGE_DATA_TYPES


def changes_data(kind: str) -> bool:
    return kind in record_pages.CHANGE_DATA_TYPES


def cancels(kind: str) -> bool:
    return kind in record_orders.CANCEL_TYPES


def changes_access(kind: str) -> bool:
    return kind == record_orders.CHANGE_ACCESS


def every_order(kind: str) -> bool:
    return True


# "Nothing changed yet": true of every change when it starts, so a step shows it only once the
# applicant tried to go on (the confirm step always lists it: it stops the submit).
NOT_YET_CHANGED = frozenset({"change.nothing_changed", "change.access.nothing_changed"})
# "Nothing given yet": true of every cancellation when it starts (no reason chosen, nothing typed to
# confirm), so the cancellation step shows it only after a save (the confirm step always lists it).
NOT_YET_GIVEN = frozenset({"cancel.reason.required", "cancel.confirmation.mismatch"})


def not_yet_answered(order, finding) -> bool:
    """A finding a request step keeps to itself on its first view: nothing changed yet, no reason
    chosen yet, nothing typed to confirm yet (a confirmation that was typed and does not match shows)."""
    if finding.code in NOT_YET_CHANGED:
        return True
    if finding.code == "cancel.confirmation.mismatch":
        return not (order.confirmation or "").strip()
    return finding.code in NOT_YET_GIVEN


# Labels of what an order against a record asks beyond the fields (findings on the confirm step).
REQUEST_LABELS = {
    "reason_code": gettext_lazy("Reason"),
    "reason_note": gettext_lazy("Details"),
    "confirmation": gettext_lazy("Confirmation"),
    "hosted_site": gettext_lazy("Hosted site"),
}


def request_label(path: str):
    """The label of a finding's path that is no order field: a cancellation's reason or confirmation,
    the hosted site of a change of access, one of a website's other domains (the rules' extra_domains)."""
    index = order_fields.website_index(path)
    if index is not None and ".extra_domains" in path:
        return order_fields.BY_PATH[f"websites[{index}].other_domains"].full_label
    return REQUEST_LABELS.get(path, "")


class Step:
    """A step that edits a group of order fields (a StepForm over `paths`)."""

    template_name = "applicant/step.html"

    def __init__(self, key: str, title, paths: tuple[str, ...] = (), *, applies=every_order):
        self.key, self.title, self.paths = key, title, tuple(paths)
        self.applies = applies  # filing type -> does this step apply to orders of it

    def __repr__(self) -> str:
        return f"<Step {self.key}>"

    def owns(self, path: str) -> bool:
        """Whether a finding at `path` (an owner path, see fields.owner_path) belongs to this step."""
        return path in self.paths

    def title_for(self, order):
        """The step's name in the progress bar for this order."""
        return self.title

    def paths_of(self, order, actions=None) -> tuple[str, ...]:
        """The fields this step shows for `order` (the website step: those of every website)."""
        return self.paths

    def is_applicable(self, order) -> bool:
        return self.applies(filing_type_of(order))

    def is_complete(self, order, precheck) -> bool:
        """No error finding at a field of this step. `precheck`: a Precheck, or the findings to judge."""
        return not any(f.is_error and self.owns(order_fields.owner_path(f.field)) for f in _findings_of(precheck))

    # --- request handling ---

    def context(self, request, order, flow, *, form=None, findings=None) -> dict:
        acts = selectors.order_actions_for(order, request.user, member=member_of(request))
        if form is None:
            form = StepForm(
                order=order, paths=self.paths_of(order, acts), editable=set(acts.editable_paths), prefix="f"
            )
        posted = findings is not None or (form is not None and form.is_bound)  # shown again after a POST
        findings = findings if findings is not None else step_findings(order)
        grouped = order_fields.findings_by_field(findings)
        record = is_record_order(order)
        rows, section, website, returns = [], None, None, returns_of(order)
        for name in form.fields:
            path = form.fields[name].path
            group = path.rsplit(".", 1)[0]
            index = order_fields.website_index(path)
            rows.append(
                {
                    "field": form[name],
                    "path": path,
                    "findings": grouped.get(path, []),
                    "website": index if index != website else None,  # the first row of a website
                    "website_title": order_fields.website_title(index) if index is not None else "",
                    "heading": SECTION_HEADINGS.get(order_fields.template_path(group)) if group != section else None,
                    "returned": returns.get(path),
                    "locked": record and form.fields[name].disabled and acts.may_edit,  # fixed by the record
                }
            )
            section, website = group, index
        return {
            **flow.context(order, self),
            "form": form,
            "rows": rows,
            "requirements": self.requirements(order),
            "editable": bool(acts.editable_paths),
            "findings": findings,
            "record_order": record,
            "general_findings": [
                f for f in findings if f.field == "filing_type" and (posted or f.code not in NOT_YET_CHANGED)
            ]
            if record
            else [],
            **self.extra_context(order, acts),
        }

    def extra_context(self, order, acts) -> dict:
        return {}

    def requirements(self, order) -> list[dict]:
        return []

    def form(self, request, order, data=None) -> StepForm:
        acts = selectors.order_actions_for(order, request.user, member=member_of(request))
        return StepForm(
            data, order=order, paths=self.paths_of(order, acts), editable=set(acts.editable_paths), prefix="f"
        )

    def get(self, request, order, flow):
        return render(request, self.template_name, self.context(request, order, flow))

    def post(self, request, order, flow):
        form = self.form(request, order, request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.context(request, order, flow, form=form))
        try:
            services.order_update(
                order=order, user=request.user, values={**form.changed_values(), **self.extra_values(request, order)}
            )
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("applicant:step", order.pk, self.key)
        order = order_of(request, order.pk)
        findings = step_findings(order)
        if "continue" in request.POST and not self.is_complete(order, findings):
            messages.warning(request, _("Saved. Fix the errors marked below before continuing."))
            return render(request, self.template_name, self.context(request, order, flow, findings=findings))
        messages.success(request, _("Saved."))
        if "continue" in request.POST:
            return redirect("applicant:step", order.pk, flow.after(order, self).key)
        return self.after_save(request, order) or redirect("applicant:step", order.pk, self.key)

    def extra_values(self, request, order) -> dict:
        """{path: value} a step posts beside its form fields (the website step's domain editor)."""
        return {}

    def after_save(self, request, order):
        """A step's own action posted with the form (after the typed values are saved), or None."""
        return None

    def check_field(self, request, order):
        """HTMX: findings for the field the user just left, computed from what is typed (not saved)."""
        form = self.form(request, order, request.POST)
        for path, value in form.raw_values().items():
            with contextlib.suppress(TypeError, ValueError):  # the field's own finding explains it
                order_fields.set_value(order, path, value)
        findings = step_findings(order)
        trigger = request.POST.get("_field") or (request.htmx.trigger_name if request.htmx else "")
        name = (trigger or "").removeprefix("f-")
        field = order_fields.BY_FORM_NAME.get(name)
        path = field.path if field else ""
        return render(
            request,
            "filings/_findings.html",
            {"findings": [f for f in findings if order_fields.owner_path(f.field) == path], "lang": get_language()},
        )


class SubjectStep(Step):
    """The subject's fields. A change of a filed subject shows the nature and province too (read-only:
    the record fixes them), since it has no checklist step that asks for them."""

    def paths_of(self, order, actions=None) -> tuple[str, ...]:
        if is_record_order(order):
            return (*CHECKLIST_PATHS, *self.paths)
        return self.paths


class WebsiteStep(Step):
    """Every website of the order, each with its own principal: add a website (up to the reference
    limit), remove one (not the first), fill a website principal from the subject principal. The
    buttons are plain submit buttons of the step's form (no JavaScript needed); the typed values are
    saved first. After a field-level return only the websites with a returned field are shown.

    A change of a filed website has a domain editor instead of the domain field: the main domain
    fixed, the other domains (`websites[i].other_domains`) added and removed, each with what it
    means for the live site (rules file §1.5)."""

    template_name = "applicant/websites.html"

    def owns(self, path: str) -> bool:
        field = order_fields.resolve(order_fields.owner_path(path))
        if field is None:  # the rules' domain list of a website: websites[0].extra_domains[1]
            return order_fields.website_index(path) is not None and ".extra_domains" in path
        return field.step == "website" and field.path not in order_fields.CONTEXT_PATHS

    def paths_of(self, order, actions=None) -> tuple[str, ...]:
        count = len(order_fields.websites_of(order))
        indexes = list(range(count))
        if actions is not None and actions.only_returned:
            opened = {order_fields.website_index(p) for p in actions.editable_paths}
            indexes = [i for i in indexes if i in opened] or [0]
        return tuple(
            p
            for i in indexes
            for p in order_fields.website_group_paths(i)
            if not (is_record_order(order) and order_fields.template_path(p) == "websites[].domain")
        )

    def extra_context(self, order, acts) -> dict:
        count = len(order_fields.websites_of(order))
        limit = services.order_website_limit(order=order)
        may_change = acts.may_edit and not acts.only_returned
        return {
            "website_count": count,
            "website_limit": limit,
            "may_add_website": may_change and count < limit and not is_record_order(order),
            "may_change_websites": may_change,
            "may_remove_websites": may_change and not is_record_order(order),
        }

    def context(self, request, order, flow, *, form=None, findings=None) -> dict:
        context = super().context(request, order, flow, form=form, findings=findings)
        findings = context["findings"]
        # "Same as the subject's principal" under each website principal's heading, wherever one of
        # its fields is open (after a return: a returned one); the service fills only the open ones
        editable = selectors.order_actions_for(order, request.user, member=True).editable_paths
        for row in context["rows"]:
            index = order_fields.website_index(row["path"])
            principal = f"websites[{index}].principal."
            row["copy_principal"] = (
                index
                if row["heading"]
                and row["path"].startswith(principal)
                and any(p.startswith(principal) for p in editable)
                else None
            )
        if order.filing_type in record_orders.WEBSITE_PARTS:
            # what was typed in an "add a domain" box survives a form that could not be saved
            typed = request.POST if form is not None and form.is_bound and form.errors else {}
            acts = selectors.order_actions_for(order, request.user, member=member_of(request))
            editors = {
                i: self.domain_editor(order, i, findings, acts, typed)
                for i in range(len(order_fields.websites_of(order)))
            }
            for row in context["rows"]:
                if row["website"] is not None:
                    row["domains"] = editors.get(row["website"])
        return context

    @staticmethod
    def domain_editor(order, index: int, findings, acts, typed) -> dict:
        """Website `index`'s domains: the main one (fixed), those filed, added or removed by this order."""
        website = order_fields.websites_of(order)[index]
        path = f"websites[{index}].other_domains"
        filed = changes.filed_domains(website.website_filing)
        main = record_domain(website.domain)
        current = list(website.other_domains or [])
        wired = [record_domain(d) for d in current]
        at = lambda field: [f for f in findings if f.field == field]  # noqa: E731
        rows = [
            {
                "domain": domain,
                "display": display_domain(domain),
                "state": "filed" if key in filed else "added",
                "findings": at(f"websites[{index}].extra_domains[{j}]"),
            }
            for j, (domain, key) in enumerate(zip(current, wired, strict=True))
        ]
        rows += [
            {"domain": d, "display": display_domain(d), "state": "removed", "findings": []}
            for d in filed
            if d != main and d not in wired
        ]
        return {
            "index": index,
            "main": display_domain(website.domain or ""),
            "main_ascii": website.domain,
            "main_findings": at(f"websites[{index}].domain"),
            "rows": rows,
            "findings": [f for f in findings if f.field == path],
            "editable": path in acts.editable_paths,
            "typed": typed.get(f"new_domain-{index}", ""),
        }

    def extra_values(self, request, order) -> dict:
        """The domain editor's changes to `websites[i].other_domains`: a domain typed in the add box
        (with whichever button), a removed one, one kept again. A locked list is never posted."""
        if order.filing_type not in record_orders.WEBSITE_PARTS:
            return {}
        editable = selectors.order_actions_for(order, request.user, member=member_of(request)).editable_paths
        action, _sep, rest = (request.POST.get("domain_action") or "").partition(":")
        target, _sep, named = rest.partition(":")
        values = {}
        for index, website in enumerate(order_fields.websites_of(order)):
            path = f"websites[{index}].other_domains"
            if path not in editable:
                continue
            current = list(website.other_domains or [])
            domains = list(current)
            typed = request.POST.get(f"new_domain-{index}", "").strip()  # one domain, as typed (the rules judge it)
            if typed and record_domain(typed) not in {record_domain(d) for d in domains}:
                domains.append(typed)
            if target == str(index) and action == "remove":
                domains = [d for d in domains if d != named]
            elif target == str(index) and action == "keep" and named not in domains:
                domains.append(named)
            if domains != current:
                values[path] = domains
        return values

    def after_save(self, request, order):
        action, _sep, value = (request.POST.get("website_action") or "").partition(":")
        domain_action = (request.POST.get("domain_action") or "").partition(":")[0]
        if domain_action:
            texts = {
                "add": _("Domain added: it is filed for this website when the regulator approves."),
                "remove": _(
                    "Domain removed from the website: it keeps serving until the regulator approves the change, "
                    "then it stops being served."
                ),
                "keep": _("The domain stays with the website."),
            }
            if domain_action == "add" and not any(
                request.POST.get(k, "").strip() for k in request.POST if k.startswith("new_domain-")
            ):
                messages.error(request, _("Type the domain to add first."))
            elif domain_action in texts:
                messages.info(request, texts[domain_action])
            return redirect("applicant:step", order.pk, self.key)
        if not action:
            return None
        index = int(value) if value.isdigit() else -1
        try:
            if action == "add":
                services.order_add_website(order=order, user=request.user)
                messages.success(request, _("Website added."))
            elif action == "remove":
                services.order_remove_website(order=order, user=request.user, index=index)
                messages.success(request, _("Website removed."))
            elif action == "same_principal":
                services.order_website_principal_from_subject(order=order, user=request.user, index=index)
                messages.success(request, _("The website principal was filled in from the subject principal."))
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("applicant:step", order.pk, self.key)


TYPE_EXPLANATIONS = {
    "FIRST_FILING": gettext_lazy(
        "Neither the subject nor the domain is filed yet: a first filing, with the subject, the website, "
        "the materials and SMS verification by both principals."
    ),
    "NEW_WEBSITE": gettext_lazy(
        "The subject is already filed and the domain is not: a new website under the subject's number. The "
        "subject's details must be as filed; the regulator re-checks the subject's filed websites."
    ),
    "NEW_ACCESS": gettext_lazy(
        "The subject and the domain are already filed through another provider: new access through us. The "
        "filing numbers stay; what you enter must equal the filing; only the website principal gets the SMS."
    ),
}


class VerifyStep(Step):
    """验证备案类型: what the filing type was decided from, and the type, locked for the order.

    The decision happens before the order exists (views.verify, filings.detection); this step shows it.
    A wrong type cannot be corrected inside the order: the applicant abandons it and starts over."""

    template_name = "applicant/verify_step.html"

    def owns(self, path: str) -> bool:
        return path == "filing_type"

    def context(self, request, order, flow, **_kwargs) -> dict:
        findings = [f for f in order_findings(order) if self.owns(order_fields.owner_path(f.field))]
        websites = list(order.websites.all()) or [order.website]
        return {
            **flow.context(order, self),
            "findings": findings,
            "websites": websites,
            "explain": TYPE_EXPLANATIONS.get(order.filing_type, ""),
            "province_label": order_fields.display_value(order, "subject.province"),
            "nature_label": order_fields.display_value(order, "subject.nature"),
            "can_abandon": selectors.order_actions_for(order, request.user, member=member_of(request)).may_abandon,
        }

    def post(self, request, order, flow):
        return redirect("applicant:step", order.pk, flow.next(order, self).key)


class ChecklistStep(Step):
    """Subject nature and province; the materials they call for are listed below the form, and listed
    again as either is chosen (HTMX, `preview`: from what is selected, nothing saved)."""

    def requirements(self, order) -> list[dict]:
        return [
            {"label": r.label(get_language()), "help": r.help(get_language()), "req": r}
            for r in material_services.order_requirements(order)
        ]

    def preview(self, request, order):
        """HTMX: the materials list for the nature and province selected in the form (not saved)."""
        form = self.form(request, order, request.POST)
        form.is_valid()  # a value not among the choices is left out: the list stays as saved for it
        for name, value in form.cleaned_data.items():
            if value not in ("", None) and not form.fields[name].disabled:
                order_fields.set_value(order, form.path_by_name[name], value)
        return render(
            request,
            "applicant/_checklist.html",
            {"order": order, "step": self, "requirements": self.requirements(order)},
        )


class MaterialsStep(Step):
    template_name = "applicant/materials.html"

    def owns(self, path: str) -> bool:
        return path.startswith("materials.")

    def context(self, request, order, flow, **_kwargs) -> dict:
        requirements = material_services.order_requirements(order)
        acts = selectors.order_actions_for(
            order, request.user, slots=[r.slot for r in requirements], member=member_of(request)
        )
        current = material_services.current_materials(order)
        returns = returns_of(order)
        slots = []
        for req in requirements:
            material = current.get(req.slot)
            slots.append(
                {
                    "req": req,
                    "label": req.label(get_language()),
                    "help": req.help(get_language()),
                    "material": material,
                    "link": material_services.signed_link(material, request.user) if material else "",
                    "findings": material_services.material_findings_of(material) if material else [],
                    "editable": acts.may_edit_slot(req.slot),
                    "returned": returns.get(f"materials.{req.slot}"),
                }
            )
        return {**flow.context(order, self), "slots": slots, "form": UploadForm()}

    def post(self, request, order, flow):
        return self.get(request, order, flow)  # uploads go to their own view (one form per slot)


def record_context(order, *, eta=None) -> dict:
    """What every step of an order against a filed record shows about it (applicant.record_orders)."""
    eta = eta if eta is not None else order_eta(order)
    record = record_pages.record_view(order)
    return {
        "record": record,
        "what_happens": record_pages.what_happens(order, record),
        "sms_recipients": record_pages.sms_recipients_text(record_pages.sms_recipients(order)),
        "eta": eta,
        "eta_label": record_pages.eta_label(order, eta),
    }


class ChangeStep(Step):
    """ "What you change": the first step of a change of a filed record (rules file §1.5). The record
    (numbers, domains), what this order opens, what no change can change and the right path for each,
    that the site keeps serving, who receives the MIIT SMS and when the change should be approved."""

    template_name = "applicant/change.html"

    def owns(self, path: str) -> bool:
        return False  # "nothing changed" (at filing_type) shows where the data is changed

    def context(self, request, order, flow, **_kwargs) -> dict:
        acts = selectors.order_actions_for(order, request.user, member=member_of(request))
        requirements = material_services.order_requirements(order)
        return {
            **flow.context(order, self),
            **record_context(order),
            "opens": record_pages.opens(order),
            "fixed": record_pages.fixed_by_record(order),
            "requirements": [r.label(get_language()) for r in requirements],
            "can_abandon": acts.may_abandon,
            "editable": acts.may_edit,
        }

    def post(self, request, order, flow):
        return redirect("applicant:step", order.pk, flow.next(order, self).key)


class RequestStep(Step):
    """A step that asks what an order against a record asks beyond the fields (the reason and typed
    confirmation of a cancellation, the hosted site of a change of access), saved through
    filings.services.order_set_request. Input the service or the rules refuse is shown again as typed,
    with the finding in the user's language."""

    owned: frozenset[str] = frozenset()
    inputs: tuple[str, ...] = ()

    def owns(self, path: str) -> bool:
        return path in self.owned

    def typed(self, order) -> dict:
        return {name: getattr(order, name) or "" for name in self.inputs}

    def context(self, request, order, flow, *, form=None, findings=None, typed=None, error="") -> dict:
        acts = selectors.order_actions_for(order, request.user, member=member_of(request))
        if findings is None:  # a GET: not yet what every order just started lacks (nothing changed or given)
            findings = [f for f in step_findings(order) if not not_yet_answered(order, f)]
        return {
            **flow.context(order, self),
            **record_context(order),
            "values": typed if typed is not None else self.typed(order),
            "findings_at": {name: [f for f in findings if f.field == name] for name in self.owned},
            "returned": {name: r for name, r in returns_of(order).items() if name in self.owned},
            "error": error,
            "editable": acts.may_edit,
            "can_abandon": acts.may_abandon,
            **self.request_context(order),
        }

    def request_context(self, order) -> dict:
        return {}

    def save(self, request, order, typed: dict) -> None:
        services.order_set_request(order=order, user=request.user, **typed)

    def post(self, request, order, flow):
        typed = {name: request.POST.get(name, "") for name in self.inputs}
        try:
            self.save(request, order, typed)
        except DomainError as exc:
            return render(
                request, self.template_name, self.context(request, order, flow, typed=typed, error=exc.message)
            )
        order = order_of(request, order.pk)
        findings = step_findings(order)
        if "continue" in request.POST and not self.is_complete(order, findings):
            messages.warning(request, _("Saved. Fix the errors marked below before continuing."))
            return render(
                request, self.template_name, self.context(request, order, flow, typed=typed, findings=findings)
            )
        messages.success(request, _("Saved."))
        if "continue" in request.POST:
            return redirect("applicant:step", order.pk, flow.after(order, self).key)
        return redirect("applicant:step", order.pk, self.key)


class CancellationStep(RequestStep):
    """Cancel a website, a subject or our access (rules file §1.6, §1.7): what it does to the live
    site, the reason (reference `cancellation_reasons`), a note, for an irreversible one the domain or
    subject name typed to confirm, and the empty-shell consequences (§8.4)."""

    template_name = "applicant/cancellation.html"
    owned = frozenset({"filing_type", "reason_code", "reason_note", "confirmation"})
    inputs = ("reason_code", "reason_note", "confirmation")

    def title_for(self, order):
        return order.filing_type_label  # 注销网站 / 注销主体 / 取消接入

    def request_context(self, order) -> dict:
        irreversible = changes.irreversible(order.filing_type)
        return {
            "reasons": record_pages.reason_choices(order),
            "irreversible": irreversible,
            "expected": changes.expected_confirmation(order) if irreversible else "",
            "empty_shell": record_pages.empty_shell(order),
        }

    def save(self, request, order, typed: dict) -> None:
        if not changes.irreversible(order.filing_type):
            typed = {**typed, "confirmation": None}
        services.order_set_request(order=order, user=request.user, **typed)


class AccessStep(RequestStep):
    """Change access (rules file §1.5): which of the tenant's hosted sites serves the website once the
    regulator approves; the current one serves it until then."""

    template_name = "applicant/access.html"
    owned = frozenset({"filing_type", "hosted_site"})
    inputs = ("hosted_site",)

    def typed(self, order) -> dict:
        return {"hosted_site": str(order.website.hosted_site_id or "")}

    def request_context(self, order) -> dict:
        summary = record_pages.request_summary(order)
        return {
            "sites": list(HostedSite.objects.filter(organisation=order.organisation).prefetch_related("domains")),
            "site_before": summary["site_before"],
        }

    def save(self, request, order, typed: dict) -> None:
        chosen = typed.get("hosted_site") or ""
        site = (
            HostedSite.objects.filter(organisation=request.organisation, pk=chosen).first()
            if chosen.isdigit()
            else None
        )
        if site is None:
            raise ValidationFailed(
                _("Choose the hosted site that will serve the website."),
                code="access.site_required",
                field="hosted_site",
            )
        services.order_set_request(order=order, user=request.user, hosted_site=site)


class ConfirmStep(Step):
    """Will this pass? The pre-review grouped by step, a summary, the warnings to acknowledge. For an
    order against a filed record the summary is what it changes: the field-by-field diff against the
    record, the domains added and removed, or the cancellation's reason."""

    template_name = "applicant/confirm.html"

    def owns(self, path: str) -> bool:
        return False

    def is_complete(self, order, precheck) -> bool:
        findings = _findings_of(precheck)
        return not any(f.is_error for f in findings)

    def context(self, request, order, flow, **_kwargs) -> dict:
        check = order_precheck(order)
        acts = selectors.order_actions_for(order, request.user, member=member_of(request))
        labels = {f"materials.{r.slot}": r.label(get_language()) for r in material_services.order_requirements(order)}
        groups = defaultdict(list)
        for f in check.findings:
            owner = order_fields.owner_path(f.field)
            field = order_fields.BY_PATH.get(owner)
            label = labels.get(f.field) or (field.full_label if field else request_label(owner))
            groups[flow.step_of_path(owner, order).key].append({"finding": f, "label": label})
        record = is_record_order(order)
        summary = (
            []
            if record
            else [
                {
                    "step": s,
                    "fields": [
                        {"label": order_fields.BY_PATH[p].full_label, "value": order_fields.display_value(order, p)}
                        for p in s.paths_of(order)
                    ],
                }
                for s in flow.applicable(order)
                if s.paths_of(order)
            ]
        )
        warnings = check.warnings
        return {
            **flow.context(order, self),
            "groups": [{"step": s, "items": groups[s.key]} for s in flow.applicable(order) if groups.get(s.key)],
            "errors": check.errors,
            "warnings": warnings,
            "warning_choices": [
                {"code": code, "finding": next(f for f in warnings if f.code == code)} for code in check.warning_codes
            ],
            "summary": summary,
            "returned": returned_rows(order) if flow.returning(order) else [],
            "can_submit": acts.may_submit,
            "record_order": record,
            **(
                {
                    **record_context(order),
                    "diff": record_pages.diff_rows(order),
                    "request": record_pages.request_summary(order),
                    "changes_data": changes_data(order.filing_type),
                }
                if record
                else {}
            ),
        }

    def post(self, request, order, flow):
        return self.get(request, order, flow)  # submitting has its own view


class Flow:
    def __init__(self, steps: tuple[Step, ...]):
        self.steps = steps
        self.by_key = {s.key: s for s in steps}

    def __iter__(self):
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def step(self, key: str) -> Step | None:
        return self.by_key.get(key)

    def first(self, order=None) -> Step:
        return self.applicable(order)[0] if order is not None else self.steps[0]

    def applicable(self, order) -> list[Step]:
        return [s for s in self.steps if s.is_applicable(order)]

    def next(self, order, step: Step) -> Step | None:
        steps = self.applicable(order)
        i = steps.index(step)
        return steps[i + 1] if i + 1 < len(steps) else None

    @staticmethod
    def returning(order) -> bool:
        """A field-level return: the applicant fixes what the reviewer returned, then checks it again."""
        return order.status in states.FIELD_LEVEL_RETURN

    def after(self, order, step: Step) -> Step | None:
        """Where "Save and continue" leads: the next step; after a field-level return, back to the
        confirm step (the last one), which lists what is still returned and submits again."""
        steps = self.applicable(order)
        if self.returning(order) and step is not steps[-1]:
            return steps[-1]
        return self.next(order, step)

    def previous(self, order, step: Step) -> Step | None:
        steps = self.applicable(order)
        i = steps.index(step)
        return steps[i - 1] if i > 0 else None

    def step_of_path(self, path: str, order=None) -> Step:
        """The step where the field (or material slot) at `path` is filled in; of `order`'s steps when
        given (a change of a filed record has no checklist step: its nature shows on the subject step)."""
        steps = self.applicable(order) if order is not None else list(self.steps)
        for step in steps:
            if step.owns(path):
                return step
        fallback = self.by_key["subject"] if path.startswith("subject.") else self.by_key["website"]
        if fallback in steps:
            return fallback
        # a change's own finding (filing_type: nothing changed): the first step that edits its data
        return next((s for s in steps if s.key in ("subject", "website")), steps[0])

    def context(self, order, step: Step) -> dict:
        steps = self.applicable(order)
        nxt, prev = self.after(order, step), self.previous(order, step)
        return {
            "order": order,
            "step": step,
            "steps": steps,
            "progress": [{"step": s, "title": s.title_for(order)} for s in steps],
            "step_index": steps.index(step) + 1,
            "step_count": len(steps),
            "next_step": nxt,  # after a field-level return: the confirm step
            "returning": self.returning(order),
            "previous_step": prev,
            "lang": get_language(),
        }


# The field steps are filings.fields.FIELD_GROUPS (one split of the fields, which the reviewer's page
# and notifications use too); the checklist step adds the material list, then materials and confirm.
_GROUPS = {group.key: group for group in FIELD_GROUPS}
_FIELD_STEPS = {
    "context": (Step, new_filing),
    "subject": (SubjectStep, files_subject),
    "website": (WebsiteStep, files_website),
}
FLOW = Flow(
    (
        VerifyStep("verify", gettext_lazy("Verify the filing type"), applies=new_filing),
        ChecklistStep("checklist", _GROUPS["checklist"].title, _GROUPS["checklist"].paths, applies=new_filing),
        ChangeStep("change", gettext_lazy("What you change"), applies=changes_data),
        CancellationStep("cancellation", gettext_lazy("Cancellation"), applies=cancels),
        AccessStep("access", gettext_lazy("Change access"), applies=changes_access),
        *(
            _FIELD_STEPS[g.key][0](g.key, g.title, g.paths, applies=_FIELD_STEPS[g.key][1])
            for g in FIELD_GROUPS
            if g.key != "checklist"
        ),
        MaterialsStep("materials", gettext_lazy("Upload materials"), applies=files_data),
        ConfirmStep("confirm", gettext_lazy("Confirm and submit")),
    )
)
STEPS = FLOW.steps
# the steps other pages link to: uploads return to the materials step, submit to the confirm step
MATERIALS = next(s.key for s in STEPS if isinstance(s, MaterialsStep))
CHECKLIST = next(s.key for s in STEPS if isinstance(s, ChecklistStep))
CONFIRM = next(s.key for s in STEPS if isinstance(s, ConfirmStep))
step_of_path = FLOW.step_of_path
