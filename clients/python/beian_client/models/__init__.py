""" Contains all the data models used in inputs/outputs """

from .access_change_out import AccessChangeOut
from .access_notice_out import AccessNoticeOut
from .access_notice_out_status import AccessNoticeOutStatus
from .access_notices_list_status_type_0 import AccessNoticesListStatusType0
from .access_record_out import AccessRecordOut
from .access_record_out_status import AccessRecordOutStatus
from .article_link_out import ArticleLinkOut
from .attachment_out import AttachmentOut
from .attempt_out import AttemptOut
from .batch_item_out import BatchItemOut
from .batch_item_out_status import BatchItemOutStatus
from .batch_out import BatchOut
from .cancellation_reason_out import CancellationReasonOut
from .conversation_out import ConversationOut
from .create_order_in import CreateOrderIn
from .date_range_out import DateRangeOut
from .delivery_detail_out import DeliveryDetailOut
from .delivery_detail_out_payload import DeliveryDetailOutPayload
from .delivery_filters import DeliveryFilters
from .delivery_out import DeliveryOut
from .delivery_page_out import DeliveryPageOut
from .domain_change_out import DomainChangeOut
from .domain_out import DomainOut
from .empty_shell_out import EmptyShellOut
from .endpoint_created_out import EndpointCreatedOut
from .endpoint_in import EndpointIn
from .endpoint_out import EndpointOut
from .endpoint_patch import EndpointPatch
from .error_out import ErrorOut
from .eta_out import EtaOut
from .event_out import EventOut
from .event_type_out import EventTypeOut
from .field_change_out import FieldChangeOut
from .filed_domain_out import FiledDomainOut
from .filing_footer_out import FilingFooterOut
from .filing_footer_parts_out import FilingFooterPartsOut
from .finding_out import FindingOut
from .finding_out_params import FindingOutParams
from .finding_out_severity import FindingOutSeverity
from .findings_summary_out import FindingsSummaryOut
from .generate_in import GenerateIn
from .generated_out import GeneratedOut
from .grant_in import GrantIn
from .hosted_site_batch_in import HostedSiteBatchIn
from .hosted_site_batch_item_in import HostedSiteBatchItemIn
from .hosted_site_in import HostedSiteIn
from .hosted_site_out import HostedSiteOut
from .hosted_site_page_out import HostedSitePageOut
from .hosted_site_put_out import HostedSitePutOut
from .hosted_site_put_out_status import HostedSitePutOutStatus
from .launch_link_in import LaunchLinkIn
from .launch_link_out import LaunchLinkOut
from .launch_secret_out import LaunchSecretOut
from .material_out import MaterialOut
from .materials_upload_file_params import MaterialsUploadFileParams
from .member_out import MemberOut
from .member_out_role import MemberOutRole
from .membership_in import MembershipIn
from .membership_out import MembershipOut
from .membership_out_role import MembershipOutRole
from .membership_out_status import MembershipOutStatus
from .message_in import MessageIn
from .message_out import MessageOut
from .order_out import OrderOut
from .order_out_data import OrderOutData
from .order_out_data_subject import OrderOutDataSubject
from .order_out_data_subject_principal import OrderOutDataSubjectPrincipal
from .order_out_data_websites_item import OrderOutDataWebsitesItem
from .order_out_data_websites_item_pre_approvals_item import OrderOutDataWebsitesItemPreApprovalsItem
from .order_out_data_websites_item_principal import OrderOutDataWebsitesItemPrincipal
from .order_ref_out import OrderRefOut
from .order_request_in import OrderRequestIn
from .order_update_out import OrderUpdateOut
from .order_update_out_data import OrderUpdateOutData
from .order_update_out_data_subject import OrderUpdateOutDataSubject
from .order_update_out_data_subject_principal import OrderUpdateOutDataSubjectPrincipal
from .order_update_out_data_websites_item import OrderUpdateOutDataWebsitesItem
from .order_update_out_data_websites_item_pre_approvals_item import OrderUpdateOutDataWebsitesItemPreApprovalsItem
from .order_update_out_data_websites_item_principal import OrderUpdateOutDataWebsitesItemPrincipal
from .orders_update_payload import OrdersUpdatePayload
from .orders_update_payload_data import OrdersUpdatePayloadData
from .orders_update_payload_data_subject import OrdersUpdatePayloadDataSubject
from .orders_update_payload_data_subject_principal import OrdersUpdatePayloadDataSubjectPrincipal
from .orders_update_payload_data_websites_item import OrdersUpdatePayloadDataWebsitesItem
from .orders_update_payload_data_websites_item_pre_approvals_item import OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem
from .orders_update_payload_data_websites_item_principal import OrdersUpdatePayloadDataWebsitesItemPrincipal
from .orders_update_payload_subject import OrdersUpdatePayloadSubject
from .orders_update_payload_subject_principal import OrdersUpdatePayloadSubjectPrincipal
from .orders_update_payload_websites_item import OrdersUpdatePayloadWebsitesItem
from .orders_update_payload_websites_item_pre_approvals_item import OrdersUpdatePayloadWebsitesItemPreApprovalsItem
from .orders_update_payload_websites_item_principal import OrdersUpdatePayloadWebsitesItemPrincipal
from .organisation_batch_in import OrganisationBatchIn
from .organisation_batch_item_in import OrganisationBatchItemIn
from .organisation_in import OrganisationIn
from .organisation_out import OrganisationOut
from .organisation_page_out import OrganisationPageOut
from .organisation_put_out import OrganisationPutOut
from .organisation_put_out_status import OrganisationPutOutStatus
from .platform_order_out import PlatformOrderOut
from .platform_service_codes_list_state_type_0 import PlatformServiceCodesListStateType0
from .platform_token_out import PlatformTokenOut
from .precheck_out import PrecheckOut
from .prefill_in import PrefillIn
from .prefill_in_data import PrefillInData
from .prefill_in_data_subject import PrefillInDataSubject
from .prefill_in_data_subject_principal import PrefillInDataSubjectPrincipal
from .prefill_in_data_websites_item import PrefillInDataWebsitesItem
from .prefill_in_data_websites_item_pre_approvals_item import PrefillInDataWebsitesItemPreApprovalsItem
from .prefill_in_data_websites_item_principal import PrefillInDataWebsitesItemPrincipal
from .prefilled_out import PrefilledOut
from .provisioned_domain_out import ProvisionedDomainOut
from .psb_number_in import PsbNumberIn
from .quota_out import QuotaOut
from .record_changes_out import RecordChangesOut
from .record_event_out import RecordEventOut
from .record_request_out import RecordRequestOut
from .record_request_out_confirmation_asks import RecordRequestOutConfirmationAsks
from .record_target_in import RecordTargetIn
from .removed_domain_out import RemovedDomainOut
from .removed_out import RemovedOut
from .returned_field_out import ReturnedFieldOut
from .risk_out import RiskOut
from .risk_out_kind import RiskOutKind
from .risk_out_resolution import RiskOutResolution
from .risk_out_severity import RiskOutSeverity
from .risk_out_status import RiskOutStatus
from .risks_list_status_type_0 import RisksListStatusType0
from .rotate_in import RotateIn
from .rotated_out import RotatedOut
from .secret_out import SecretOut
from .service_code_order_out import ServiceCodeOrderOut
from .service_code_out import ServiceCodeOut
from .service_code_out_state import ServiceCodeOutState
from .service_code_page_out import ServiceCodePageOut
from .site_domain_put_out import SiteDomainPutOut
from .site_domain_put_out_status import SiteDomainPutOutStatus
from .site_out import SiteOut
from .sms_in import SmsIn
from .sms_result_out import SmsResultOut
from .stage_estimate_out import StageEstimateOut
from .stage_estimate_out_source import StageEstimateOutSource
from .stage_estimate_out_stage import StageEstimateOutStage
from .subject_filing_out import SubjectFilingOut
from .subject_filing_out_status import SubjectFilingOutStatus
from .submit_in import SubmitIn
from .target_out import TargetOut
from .test_sent_out import TestSentOut
from .token_in import TokenIn
from .token_out import TokenOut
from .token_revoked_out import TokenRevokedOut
from .user_batch_in import UserBatchIn
from .user_batch_item_in import UserBatchItemIn
from .user_in import UserIn
from .user_membership_out import UserMembershipOut
from .user_membership_out_role import UserMembershipOutRole
from .user_out import UserOut
from .user_page_out import UserPageOut
from .user_put_out import UserPutOut
from .user_put_out_status import UserPutOutStatus
from .user_removed_out import UserRemovedOut
from .user_removed_out_status import UserRemovedOutStatus
from .validate_payload import ValidatePayload
from .void_in import VoidIn
from .website_filing_detail_out import WebsiteFilingDetailOut
from .website_filing_detail_out_status import WebsiteFilingDetailOutStatus
from .website_filing_detail_out_subject_status import WebsiteFilingDetailOutSubjectStatus
from .website_filing_out import WebsiteFilingOut
from .website_filing_out_status import WebsiteFilingOutStatus

__all__ = (
    "AccessChangeOut",
    "AccessNoticeOut",
    "AccessNoticeOutStatus",
    "AccessNoticesListStatusType0",
    "AccessRecordOut",
    "AccessRecordOutStatus",
    "ArticleLinkOut",
    "AttachmentOut",
    "AttemptOut",
    "BatchItemOut",
    "BatchItemOutStatus",
    "BatchOut",
    "CancellationReasonOut",
    "ConversationOut",
    "CreateOrderIn",
    "DateRangeOut",
    "DeliveryDetailOut",
    "DeliveryDetailOutPayload",
    "DeliveryFilters",
    "DeliveryOut",
    "DeliveryPageOut",
    "DomainChangeOut",
    "DomainOut",
    "EmptyShellOut",
    "EndpointCreatedOut",
    "EndpointIn",
    "EndpointOut",
    "EndpointPatch",
    "ErrorOut",
    "EtaOut",
    "EventOut",
    "EventTypeOut",
    "FieldChangeOut",
    "FiledDomainOut",
    "FilingFooterOut",
    "FilingFooterPartsOut",
    "FindingOut",
    "FindingOutParams",
    "FindingOutSeverity",
    "FindingsSummaryOut",
    "GeneratedOut",
    "GenerateIn",
    "GrantIn",
    "HostedSiteBatchIn",
    "HostedSiteBatchItemIn",
    "HostedSiteIn",
    "HostedSiteOut",
    "HostedSitePageOut",
    "HostedSitePutOut",
    "HostedSitePutOutStatus",
    "LaunchLinkIn",
    "LaunchLinkOut",
    "LaunchSecretOut",
    "MaterialOut",
    "MaterialsUploadFileParams",
    "MemberOut",
    "MemberOutRole",
    "MembershipIn",
    "MembershipOut",
    "MembershipOutRole",
    "MembershipOutStatus",
    "MessageIn",
    "MessageOut",
    "OrderOut",
    "OrderOutData",
    "OrderOutDataSubject",
    "OrderOutDataSubjectPrincipal",
    "OrderOutDataWebsitesItem",
    "OrderOutDataWebsitesItemPreApprovalsItem",
    "OrderOutDataWebsitesItemPrincipal",
    "OrderRefOut",
    "OrderRequestIn",
    "OrdersUpdatePayload",
    "OrdersUpdatePayloadData",
    "OrdersUpdatePayloadDataSubject",
    "OrdersUpdatePayloadDataSubjectPrincipal",
    "OrdersUpdatePayloadDataWebsitesItem",
    "OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem",
    "OrdersUpdatePayloadDataWebsitesItemPrincipal",
    "OrdersUpdatePayloadSubject",
    "OrdersUpdatePayloadSubjectPrincipal",
    "OrdersUpdatePayloadWebsitesItem",
    "OrdersUpdatePayloadWebsitesItemPreApprovalsItem",
    "OrdersUpdatePayloadWebsitesItemPrincipal",
    "OrderUpdateOut",
    "OrderUpdateOutData",
    "OrderUpdateOutDataSubject",
    "OrderUpdateOutDataSubjectPrincipal",
    "OrderUpdateOutDataWebsitesItem",
    "OrderUpdateOutDataWebsitesItemPreApprovalsItem",
    "OrderUpdateOutDataWebsitesItemPrincipal",
    "OrganisationBatchIn",
    "OrganisationBatchItemIn",
    "OrganisationIn",
    "OrganisationOut",
    "OrganisationPageOut",
    "OrganisationPutOut",
    "OrganisationPutOutStatus",
    "PlatformOrderOut",
    "PlatformServiceCodesListStateType0",
    "PlatformTokenOut",
    "PrecheckOut",
    "PrefilledOut",
    "PrefillIn",
    "PrefillInData",
    "PrefillInDataSubject",
    "PrefillInDataSubjectPrincipal",
    "PrefillInDataWebsitesItem",
    "PrefillInDataWebsitesItemPreApprovalsItem",
    "PrefillInDataWebsitesItemPrincipal",
    "ProvisionedDomainOut",
    "PsbNumberIn",
    "QuotaOut",
    "RecordChangesOut",
    "RecordEventOut",
    "RecordRequestOut",
    "RecordRequestOutConfirmationAsks",
    "RecordTargetIn",
    "RemovedDomainOut",
    "RemovedOut",
    "ReturnedFieldOut",
    "RiskOut",
    "RiskOutKind",
    "RiskOutResolution",
    "RiskOutSeverity",
    "RiskOutStatus",
    "RisksListStatusType0",
    "RotatedOut",
    "RotateIn",
    "SecretOut",
    "ServiceCodeOrderOut",
    "ServiceCodeOut",
    "ServiceCodeOutState",
    "ServiceCodePageOut",
    "SiteDomainPutOut",
    "SiteDomainPutOutStatus",
    "SiteOut",
    "SmsIn",
    "SmsResultOut",
    "StageEstimateOut",
    "StageEstimateOutSource",
    "StageEstimateOutStage",
    "SubjectFilingOut",
    "SubjectFilingOutStatus",
    "SubmitIn",
    "TargetOut",
    "TestSentOut",
    "TokenIn",
    "TokenOut",
    "TokenRevokedOut",
    "UserBatchIn",
    "UserBatchItemIn",
    "UserIn",
    "UserMembershipOut",
    "UserMembershipOutRole",
    "UserOut",
    "UserPageOut",
    "UserPutOut",
    "UserPutOutStatus",
    "UserRemovedOut",
    "UserRemovedOutStatus",
    "ValidatePayload",
    "VoidIn",
    "WebsiteFilingDetailOut",
    "WebsiteFilingDetailOutStatus",
    "WebsiteFilingDetailOutSubjectStatus",
    "WebsiteFilingOut",
    "WebsiteFilingOutStatus",
)
