"""/support/: the applicant's conversations with customer service, and the attachments of any
conversation (for its organisation's members and staff)."""

from django.urls import path

from beian.applicant import conversations
from beian.support.views import attachment_download

app_name = "conversations"
urlpatterns = [
    path("", conversations.general, name="general"),
    path("messages/", conversations.general_messages, name="general_messages"),
    path("orders/<int:pk>/", conversations.order_conversation, name="order"),
    path("orders/<int:pk>/messages/", conversations.order_messages, name="order_messages"),
    path("files/<int:pk>/", attachment_download, name="attachment"),
]
