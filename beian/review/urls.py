from django.urls import path

from beian.review import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("orders/<int:pk>/", views.order_detail, name="order"),
    path("orders/<int:pk>/claim/", views.claim, name="claim"),
    path("orders/<int:pk>/approve/", views.approve, name="approve"),
    path("orders/<int:pk>/return/", views.return_fields, name="return"),
    path("orders/<int:pk>/reveal/", views.reveal, name="reveal"),
]
