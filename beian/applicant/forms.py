"""Step forms built from the order-field registry; locked fields render disabled."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.filings import fields as order_fields
from beian.reference import choices, snapshot


def _choices(field, order):
    if field.choices == "certificate_types":
        return choices.certificate_types(order.subject.nature)
    return getattr(choices, field.choices)()


class IsoDateInput(forms.DateInput):
    """<input type="date"> accepts only YYYY-MM-DD; a localised value (zh-hans renders 2036/01/01)
    shows blank in the browser and is posted back empty, which wipes the date on the next save."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PreApprovalWidget(forms.CheckboxSelectMultiple):
    """A checkbox per pre-approval item with the approval number (审批文号) beside it; the value is
    [{"item", "number"}] as the order stores it. The "none" option carries no number."""

    template_name = "applicant/widgets/preapprovals.html"

    def __init__(self, *args, none_option: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.none_option = none_option

    def _number_name(self, name: str, index) -> str:
        return f"{name}__number__{index}"

    def get_context(self, name, value, attrs):
        entries = value or []
        items = [e.get("item") if isinstance(e, dict) else e for e in entries]
        numbers = {e.get("item"): e.get("number", "") for e in entries if isinstance(e, dict)}
        context = super().get_context(name, items, attrs)
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                option["number_name"] = self._number_name(name, option["index"])
                option["number"] = numbers.get(option["value"], "")
                option["none_option"] = option["value"] == self.none_option
        return context

    def value_from_datadict(self, data, files, name):
        chosen = set(super().value_from_datadict(data, files, name) or [])
        entries = []
        for index, (value, _label) in enumerate(self.choices):
            if str(value) in chosen:
                number = (data.get(self._number_name(name, index)) or "").strip()  # too long: the rules say so
                entries.append({"item": str(value), "number": "" if value == self.none_option else number})
        return entries


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes under group headings (a fieldset per group), laid out in columns that become one on
    a phone (static/css: .checkbox-groups)."""

    template_name = "applicant/widgets/grouped_checkboxes.html"


class PreApprovalField(forms.MultipleChoiceField):
    widget = PreApprovalWidget

    def to_python(self, value):
        return [dict(entry) for entry in value or [] if isinstance(entry, dict)]

    def validate(self, value):
        for entry in value:
            if not self.valid_value(entry["item"]):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": entry["item"]}
                )

    def has_changed(self, initial, data):
        normalise = lambda entries: sorted((e.get("item", ""), e.get("number", "")) for e in entries or [])  # noqa: E731
        return normalise(initial) != normalise(data)


def form_field(field, order, *, editable: bool) -> forms.Field:
    common = {"label": field.label, "required": False, "disabled": not editable}
    if field.kind == "preapprovals":
        options = list(_choices(field, order))
        return PreApprovalField(
            choices=options, widget=PreApprovalWidget(none_option=choices.pre_approval_none()), **common
        )
    if field.choices == "service_contents":  # thirty of them: under their headings, in columns
        return forms.MultipleChoiceField(
            choices=choices.service_contents_grouped(), widget=GroupedCheckboxes(), **common
        )
    if field.choices and field.kind == "list":
        return forms.MultipleChoiceField(choices=_choices(field, order), widget=forms.CheckboxSelectMultiple, **common)
    if field.choices:
        coerce = int if field.kind == "int" else str
        return forms.TypedChoiceField(
            choices=[("", "—"), *list(_choices(field, order))], coerce=coerce, empty_value=None, **common
        )
    if field.kind == "date":
        return forms.DateField(widget=IsoDateInput(), **common)
    if field.kind == "bool":
        return forms.BooleanField(**common)
    # Length limits are the rules' own (reference settings), shown as the inputs' maxlength; the
    # server never truncates or refuses a longer value: it is kept and the rules report it.
    limits = snapshot.current().settings
    if field.kind == "email":
        return forms.CharField(widget=forms.EmailInput(attrs={"maxlength": limits.max_text_length}), **common)
    if field.path.endswith("remark"):
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "maxlength": limits.remark_max_chars}), **common)
    return forms.CharField(widget=forms.TextInput(attrs={"maxlength": limits.max_text_length}), **common)


class StepForm(forms.Form):
    def __init__(self, *args, order, paths, editable: set[str], reveal: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.paths = [p for p in paths if p in order_fields.BY_PATH]
        self.path_by_name: dict[str, str] = {}  # form field name -> order field path
        for path in self.paths:
            field = order_fields.BY_PATH[path]
            self.fields[field.form_name] = form_field(field, order, editable=path in editable)
            value = order_fields.get_value(order, path)
            # a locked PII field is read, not edited: masked like every other screen (a disabled field is
            # never taken from the POST, so the masked value is never saved)
            self.initial[field.form_name] = order_fields.masked_value(field, value) if path not in editable else value
            self.fields[field.form_name].widget.attrs.update({"data-path": path, "autocomplete": "off"})
            self.path_by_name[field.form_name] = path
            # our own tags on Django's Field (so attr-defined), read by the wizard views: form.fields[name].path
            self.fields[field.form_name].path = path  # type: ignore[attr-defined]
            self.fields[field.form_name].returned = path in order.returned_field_paths  # type: ignore[attr-defined]

    def changed_values(self) -> dict:
        """{path: value} of enabled fields the user changed (disabled fields never count)."""
        out = {}
        for name in self.changed_data:
            if not self.fields[name].disabled:
                out[self.path_by_name[name]] = self.cleaned_data[name]
        return out

    def raw_values(self) -> dict:
        """{path: raw submitted value} of enabled fields, for live checks without saving."""
        out = {}
        for name, field in self.fields.items():
            if field.disabled:
                continue
            if isinstance(
                field, forms.MultipleChoiceField
            ):  # checkboxes (and pre-approval numbers): as the widget reads them
                out[self.path_by_name[name]] = field.widget.value_from_datadict(
                    self.data, self.files, self.add_prefix(name)
                )
            elif isinstance(field, forms.BooleanField):
                out[self.path_by_name[name]] = self.add_prefix(name) in self.data
            else:
                out[self.path_by_name[name]] = self.data.get(self.add_prefix(name), "")
        return out


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))


REQUESTED_TYPES = ("FIRST_FILING", "NEW_WEBSITE", "NEW_ACCESS")


class VerifyForm(forms.Form):
    """The first step, "验证备案类型": what the regulator decides the filing type from."""

    province = forms.ChoiceField(label=_("Province"))
    nature = forms.TypedChoiceField(label=_("Subject nature"), coerce=int)
    certificate_type = forms.TypedChoiceField(label=_("Certificate type"), coerce=int)
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=64)
    domains = forms.CharField(
        label=_("Domains"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The main domain of each website, one per line (without www.)."),
        max_length=2000,
    )
    filing_type = forms.ChoiceField(label=_("Filing type you intend"), required=False)
    service_code = forms.CharField(
        label=_("Service code"),
        required=False,
        max_length=40,
        help_text=_("Find it on your site builder's 备案服务码 (service code) page."),
        widget=forms.TextInput(
            attrs={"placeholder": "BA-XXXX-XXXX-XXXX", "autocomplete": "off", "class": "code-input"}
        ),
    )

    def __init__(self, *args, service_code: str = "", **kwargs):
        """`service_code`: "required" (the operator setting), "optional" (codes are at hand) or "" (no field).
        A missing required code is refused by the start itself (filings.service_codes), with where to find it,
        so that "Check" works before the code is at hand."""
        super().__init__(*args, **kwargs)
        if service_code == "required":
            self.fields["service_code"].label = _("Service code (required)")
        elif not service_code:
            del self.fields["service_code"]
        ref = snapshot.current()
        for name, options in (
            ("province", [("", "—"), *choices.provinces()]),
            ("nature", [("", "—"), *choices.natures()]),
            ("certificate_type", [("", "—"), *choices.certificate_types()]),
            (
                "filing_type",
                [
                    ("", _("Decide it for me")),
                    *((code, ref.filing_type_name(code, get_language() or "zh")) for code in REQUESTED_TYPES),
                ],
            ),
        ):
            cast(forms.ChoiceField, self.fields[name]).choices = options

    def clean_domains(self) -> list[str]:
        text = self.cleaned_data["domains"]
        domains = [d for d in text.replace(",", "\n").replace("，", "\n").split() if d.strip()]
        if not domains:
            raise forms.ValidationError(_("Enter at least one domain."))
        return list(dict.fromkeys(d.strip() for d in domains))
