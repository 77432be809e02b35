from django.urls import path

from beian.support import views

app_name = "support"
urlpatterns = [
    path("", views.help_index, name="index"),
    path("rules/", views.rules_catalogue, name="rules"),
]
