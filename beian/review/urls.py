from django.urls import path

from beian.review import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("next/", views.take_next, name="next"),
    path("metrics/", views.metrics, name="metrics"),
    path("orders/<int:pk>/", views.order_detail, name="order"),
    path("orders/<int:pk>/claim/", views.claim, name="claim"),
    path("orders/<int:pk>/release/", views.release, name="release"),
    path("orders/<int:pk>/reassign/", views.reassign, name="reassign"),
    path("orders/<int:pk>/approve/", views.approve, name="approve"),
    path("orders/<int:pk>/return/", views.return_fields, name="return"),
    path("orders/<int:pk>/reveal/", views.reveal, name="reveal"),
]
