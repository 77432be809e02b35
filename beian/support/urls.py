from django.urls import path

from beian.support import views

app_name = "support"
urlpatterns = [
    path("", views.help_index, name="index"),
    path("search/", views.search_view, name="search"),
    path("a/<slug:slug>/", views.article_detail, name="article"),
    path("courses/<slug:slug>/", views.course_detail, name="course"),
    path("for/<str:kind>/<str:key>/", views.help_for, name="for"),
    path("provinces/", views.provinces, name="provinces"),
    path("provinces/<str:code>/", views.province_detail, name="province"),
    path("rules/", views.rules_catalogue, name="rules"),
]
