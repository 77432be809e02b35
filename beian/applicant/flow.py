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

from beian.applicant.forms import StepForm, UploadForm
from beian.core.exceptions import DomainError
from beian.filings import fields as order_fields
from beian.filings import selectors, services
from beian.filings.fields import FIELD_GROUPS
from beian.filings.precheck import Precheck, order_precheck
from beian.filings.validation import order_findings
from beian.materials import services as material_services

SECTION_HEADINGS = {
    "subject.principal": gettext_lazy("Subject principal (normally the legal representative)"),
    "websites[].principal": gettext_lazy("Website principal (does the face verification, receives the MIIT SMS)"),
}


def returns_of(order) -> dict[str, dict]:
    """The reviewer's returns by field path, with the catalogue reason in the user's language."""
    from beian.reference.models import RejectionReason  # a model of another app: read here only

    english = (get_language() or "").startswith("en")
    texts = {
        r.code: (r.text_en if english and r.text_en else r.text_zh)
        for r in RejectionReason.objects.filter(code__in=[x["reason_code"] for x in order.returned_fields])
    }
    return {r["field"]: {**r, "reason": texts.get(r["reason_code"], r["reason_code"])} for r in order.returned_fields}


def _findings_of(precheck) -> list:
    return precheck.findings if isinstance(precheck, Precheck) else list(precheck)


class Step:
    """A step that edits a group of order fields (a StepForm over `paths`)."""

    template_name = "applicant/step.html"

    def __init__(self, key: str, title, paths: tuple[str, ...] = ()):
        self.key, self.title, self.paths = key, title, tuple(paths)

    def __repr__(self) -> str:
        return f"<Step {self.key}>"

    def owns(self, path: str) -> bool:
        """Whether a finding at `path` (an owner path, see fields.owner_path) belongs to this step."""
        return path in self.paths

    def paths_of(self, order, actions=None) -> tuple[str, ...]:
        """The fields this step shows for `order` (the website step: those of every website)."""
        return self.paths

    def is_applicable(self, order) -> bool:
        return True

    def is_complete(self, order, precheck) -> bool:
        """No error finding at a field of this step. `precheck`: a Precheck, or the findings to judge."""
        return not any(f.is_error and self.owns(order_fields.owner_path(f.field)) for f in _findings_of(precheck))

    # --- request handling ---

    def context(self, request, order, flow, *, form=None, findings=None) -> dict:
        acts = selectors.order_actions_for(order, request.user, member=True)
        if form is None:
            form = StepForm(
                order=order, paths=self.paths_of(order, acts), editable=set(acts.editable_paths), prefix="f"
            )
        findings = findings if findings is not None else order_findings(order)
        grouped = order_fields.findings_by_field(findings)
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
                }
            )
            section, website = group, index
        return {
            **flow.context(order, self),
            "form": form,
            "rows": rows,
            "requirements": self.requirements(order),
            "editable": bool(acts.editable_paths),
            **self.extra_context(order, acts),
        }

    def extra_context(self, order, acts) -> dict:
        return {}

    def requirements(self, order) -> list[dict]:
        return []

    def form(self, request, order, data=None) -> StepForm:
        acts = selectors.order_actions_for(order, request.user, member=True)
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
            services.order_update(order=order, user=request.user, values=form.changed_values())
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("applicant:step", order.pk, self.key)
        order = selectors.order_for_organisation(request.organisation, order.pk)
        findings = order_findings(order)
        if "continue" in request.POST and not self.is_complete(order, findings):
            messages.warning(request, _("Saved. Fix the errors marked below before continuing."))
            return render(request, self.template_name, self.context(request, order, flow, findings=findings))
        messages.success(request, _("Saved."))
        if "continue" in request.POST:
            return redirect("applicant:step", order.pk, flow.next(order, self).key)
        return self.after_save(request, order) or redirect("applicant:step", order.pk, self.key)

    def after_save(self, request, order):
        """A step's own action posted with the form (after the typed values are saved), or None."""
        return None

    def check_field(self, request, order):
        """HTMX: findings for the field the user just left, computed from what is typed (not saved)."""
        form = self.form(request, order, request.POST)
        for path, value in form.raw_values().items():
            with contextlib.suppress(TypeError, ValueError):  # the field's own finding explains it
                order_fields.set_value(order, path, value)
        findings = order_findings(order)
        trigger = request.POST.get("_field") or (request.htmx.trigger_name if request.htmx else "")
        name = (trigger or "").removeprefix("f-")
        field = order_fields.BY_FORM_NAME.get(name)
        path = field.path if field else ""
        return render(
            request,
            "filings/_findings.html",
            {"findings": [f for f in findings if order_fields.owner_path(f.field) == path], "lang": get_language()},
        )


class WebsiteStep(Step):
    """Every website of the order, each with its own principal: add a website (up to the reference
    limit), remove one (not the first), fill a website principal from the subject principal. The
    buttons are plain submit buttons of the step's form (no JavaScript needed); the typed values are
    saved first. After a field-level return only the websites with a returned field are shown."""

    template_name = "applicant/websites.html"

    def owns(self, path: str) -> bool:
        field = order_fields.resolve(path)
        return field is not None and field.step == "website" and path not in order_fields.CONTEXT_PATHS

    def paths_of(self, order, actions=None) -> tuple[str, ...]:
        count = len(order_fields.websites_of(order))
        indexes = list(range(count))
        if actions is not None and actions.only_returned:
            opened = {order_fields.website_index(p) for p in actions.editable_paths}
            indexes = [i for i in indexes if i in opened] or [0]
        return tuple(p for i in indexes for p in order_fields.website_group_paths(i))

    def extra_context(self, order, acts) -> dict:
        count = len(order_fields.websites_of(order))
        limit = services.order_website_limit(order=order)
        may_change = acts.may_edit and not acts.only_returned
        return {
            "website_count": count,
            "website_limit": limit,
            "may_add_website": may_change and count < limit,
            "may_change_websites": may_change,
        }

    def after_save(self, request, order):
        action, _sep, value = (request.POST.get("website_action") or "").partition(":")
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
            "can_abandon": selectors.order_actions_for(order, request.user, member=True).may_abandon,
        }

    def post(self, request, order, flow):
        return redirect("applicant:step", order.pk, flow.next(order, self).key)


class ChecklistStep(Step):
    """Subject nature and province; the materials they call for are listed below the form."""

    def requirements(self, order) -> list[dict]:
        return [
            {"label": r.label(get_language()), "help": r.help(get_language()), "req": r}
            for r in material_services.order_requirements(order)
        ]


class MaterialsStep(Step):
    template_name = "applicant/materials.html"

    def owns(self, path: str) -> bool:
        return path.startswith("materials.")

    def context(self, request, order, flow, **_kwargs) -> dict:
        requirements = material_services.order_requirements(order)
        acts = selectors.order_actions_for(order, request.user, slots=[r.slot for r in requirements], member=True)
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


class ConfirmStep(Step):
    """Will this pass? The pre-review grouped by step, a summary, the warnings to acknowledge."""

    template_name = "applicant/confirm.html"

    def owns(self, path: str) -> bool:
        return False

    def is_complete(self, order, precheck) -> bool:
        findings = _findings_of(precheck)
        return not any(f.is_error for f in findings)

    def context(self, request, order, flow, **_kwargs) -> dict:
        check = order_precheck(order)
        acts = selectors.order_actions_for(order, request.user, member=True)
        labels = {f"materials.{r.slot}": r.label(get_language()) for r in material_services.order_requirements(order)}
        groups = defaultdict(list)
        for f in check.findings:
            owner = order_fields.owner_path(f.field)
            field = order_fields.BY_PATH.get(owner)
            label = labels.get(f.field) or (field.full_label if field else "")
            groups[flow.step_of_path(owner).key].append({"finding": f, "label": label})
        summary = [
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
            "can_submit": acts.may_submit,
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

    def previous(self, order, step: Step) -> Step | None:
        steps = self.applicable(order)
        i = steps.index(step)
        return steps[i - 1] if i > 0 else None

    def step_of_path(self, path: str) -> Step:
        """The step where the field (or material slot) at `path` is filled in."""
        for step in self.steps:
            if step.owns(path):
                return step
        return self.by_key["subject"] if path.startswith("subject.") else self.by_key["website"]

    def context(self, order, step: Step) -> dict:
        steps = self.applicable(order)
        nxt, prev = self.next(order, step), self.previous(order, step)
        return {
            "order": order,
            "step": step,
            "steps": steps,
            "step_index": steps.index(step) + 1,
            "step_count": len(steps),
            "next_step": nxt,
            "previous_step": prev,
            "lang": get_language(),
        }


# The field steps are filings.fields.FIELD_GROUPS (one split of the fields, which the reviewer's page
# and notifications use too); the checklist step adds the material list, then materials and confirm.
_GROUPS = {group.key: group for group in FIELD_GROUPS}
FLOW = Flow(
    (
        VerifyStep("verify", gettext_lazy("Verify the filing type")),
        ChecklistStep("checklist", _GROUPS["checklist"].title, _GROUPS["checklist"].paths),
        *(
            (WebsiteStep if g.key == "website" else Step)(g.key, g.title, g.paths)
            for g in FIELD_GROUPS
            if g.key != "checklist"
        ),
        MaterialsStep("materials", gettext_lazy("Upload materials")),
        ConfirmStep("confirm", gettext_lazy("Confirm and submit")),
    )
)
STEPS = FLOW.steps
# the steps other pages link to: uploads return to the materials step, submit to the confirm step
MATERIALS = next(s.key for s in STEPS if isinstance(s, MaterialsStep))
CONFIRM = next(s.key for s in STEPS if isinstance(s, ConfirmStep))
step_of_path = FLOW.step_of_path
