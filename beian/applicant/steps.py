"""Superseded by beian.applicant.flow (the wizard's step objects). Kept only so that the two
importers outside the applicant app (review/views.py, notifications/services.py) keep working until
their imports of it are removed; new code imports beian.applicant.flow."""

from __future__ import annotations

from beian.applicant.flow import FLOW, STEPS, Step, step_of_path

BY_KEY = FLOW.by_key

__all__ = ["BY_KEY", "STEPS", "Step", "step_of_path"]
