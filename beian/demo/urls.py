from django.urls import path

from beian.demo import views

app_name = "demo"
urlpatterns = [
    path("orders/<int:pk>/signed-verification-form.jpg", views.signed_form, name="signed_form"),
]
