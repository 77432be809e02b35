"""Step forms built from the order-field registry; locked fields render disabled."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from beian.filings import fields as order_fields
from beian.reference import choices


def _choices(field, order):
    if field.choices == "certificate_types":
        return choices.certificate_types(order.subject.nature)
    return getattr(choices, field.choices)()


def form_field(field, order, *, editable: bool) -> forms.Field:
    common = {"label": field.label, "required": False, "disabled": not editable}
    if field.choices and field.kind in ("list", "preapprovals"):
        return forms.MultipleChoiceField(choices=_choices(field, order), widget=forms.CheckboxSelectMultiple, **common)
    if field.choices:
        coerce = int if field.kind == "int" else str
        return forms.TypedChoiceField(choices=[("", "—")] + list(_choices(field, order)), coerce=coerce,
                                      empty_value=None, **common)
    if field.kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if field.kind == "bool":
        return forms.BooleanField(**common)
    if field.kind == "email":
        return forms.CharField(max_length=254, widget=forms.EmailInput, **common)
    if field.path.endswith("remark"):
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, **common)
    return forms.CharField(max_length=300, **common)


class StepForm(forms.Form):
    def __init__(self, *args, order, paths, editable: set[str], reveal: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.paths = [p for p in paths if p in order_fields.BY_PATH]
        for path in self.paths:
            field = order_fields.BY_PATH[path]
            self.fields[field.form_name] = form_field(field, order, editable=path in editable)
            value = order_fields.get_value(order, path)
            if field.kind == "preapprovals":
                value = [entry.get("item") for entry in value or []]
            self.initial[field.form_name] = value
            self.fields[field.form_name].widget.attrs.update({"data-path": path, "autocomplete": "off"})
            self.fields[field.form_name].path = path
            self.fields[field.form_name].returned = path in order.returned_field_paths

    def changed_values(self) -> dict:
        """{path: value} of enabled fields the user changed (disabled fields never count)."""
        out = {}
        for name in self.changed_data:
            if not self.fields[name].disabled:
                out[self.fields[name].path] = self.cleaned_data[name]
        return out

    def raw_values(self) -> dict:
        """{path: raw submitted value} of enabled fields, for live checks without saving."""
        out = {}
        for name, field in self.fields.items():
            if field.disabled:
                continue
            if isinstance(field, forms.MultipleChoiceField):
                out[field.path] = self.data.getlist(self.add_prefix(name))
            elif isinstance(field, forms.BooleanField):
                out[field.path] = self.add_prefix(name) in self.data
            else:
                out[field.path] = self.data.get(self.add_prefix(name), "")
        return out


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
