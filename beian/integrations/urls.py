from django.urls import path

from beian.integrations import views

app_name = "integrations"
urlpatterns = [
    path("sandbox/<str:token>/", views.sandbox_checkout, name="sandbox_checkout"),
]
