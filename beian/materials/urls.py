from django.urls import path

from beian.materials import views

app_name = "materials"
urlpatterns = [
    path("<str:token>/", views.download, name="download"),
    path("<str:token>/annotated.png", views.annotated, name="annotated"),
]
