from django.urls import path

from beian.review import operator

app_name = "operator"
urlpatterns = [
    path("", operator.console, name="console"),
    path("advance/", operator.advance, name="advance"),
    path("cases/<int:pk>/decision/", operator.record_decision, name="decision"),
]
