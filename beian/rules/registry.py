"""Every rule of the engine, declared once: stable code, severity, product copy, source, and the
rejection-reason catalogue code (rejection_reasons[].code) it prevents.

Codes are a contract with partners: never rename one; add a new code instead. Messages and fix
hints are product copy and may use {placeholders} filled from the finding's params. The facts a
rule checks against live in the ReferenceSnapshot, never here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from beian.rules.findings import Finding, Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


class Bilingual(NamedTuple):
    """A value the copy needs in each language (a document's or a check's name): `{label}` is
    filled with `zh` in the Chinese text and with `en` in the English one."""

    zh: str
    en: str


@dataclass(frozen=True)
class Wording:
    """Another wording of a rule's copy for one situation (same code, severity and meaning)."""

    message_zh: str
    message_en: str
    fix_zh: str
    fix_en: str


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    message_zh: str
    message_en: str
    fix_zh: str
    fix_en: str
    section: str  # where in icp-filing-rules.md, e.g. "§5.1"; "product" for our own policy
    confidence: str  # firm | provider | varies | unverified
    prevents: str = ""  # rejection_reasons[].code
    variants: tuple[tuple[str, Wording], ...] = ()  # (name, wording) for situations worded differently

    @property
    def source(self) -> str:
        where = f"rules {self.section}" if self.section.startswith("§") else self.section
        return f"{where} [{self.confidence}]"

    @property
    def area(self) -> str:
        return self.code.split(".", 1)[0]

    def wording(self, variant: str = "") -> Wording:
        if not variant:
            return Wording(self.message_zh, self.message_en, self.fix_zh, self.fix_en)
        return dict(self.variants)[variant]

    def at(
        self, field: str, *, params: Mapping[str, object] | None = None, variant: str = "", **values: object
    ) -> Finding:
        """The finding of this rule at `field`. `values` fill the copy's {placeholders} (a Bilingual
        value per language) and are the finding's params unless `params` is given."""
        text = self.wording(variant)
        zh = {k: v.zh if isinstance(v, Bilingual) else v for k, v in values.items()}
        en = {k: v.en if isinstance(v, Bilingual) else v for k, v in values.items()}
        return Finding(
            code=self.code,
            severity=self.severity,
            field=field,
            message_zh=text.message_zh.format(**zh),
            message_en=text.message_en.format(**en),
            fix_zh=text.fix_zh.format(**zh),
            fix_en=text.fix_en.format(**en),
            source=self.source,
            rejection_reason=self.prevents,
            params=dict(params) if params is not None else values,
        )


RULES: dict[str, Rule] = {}


def _rule(
    code: str,
    severity: Severity,
    message_zh: str,
    message_en: str,
    fix_zh: str,
    fix_en: str,
    section: str,
    confidence: str,
    prevents: str = "",
    variants: Mapping[str, Wording] | None = None,
) -> Rule:
    if code in RULES:
        raise ValueError(f"rule {code} declared twice")
    rule = Rule(
        code,
        severity,
        message_zh,
        message_en,
        fix_zh,
        fix_en,
        section,
        confidence,
        prevents,
        tuple((variants or {}).items()),
    )
    RULES[code] = rule
    return rule


# --- input hygiene (any field) -------------------------------------------------------------
EMPTY = _rule(
    "input.empty",
    ERROR,
    "未填写内容。",
    "The value is empty.",
    "请填写后再校验。",
    "Enter a value to check.",
    "product",
    "provider",
)
INVISIBLE_CHARACTERS = _rule(
    "input.invisible_characters",
    ERROR,
    "含有不可见或控制字符（{chars}）。",
    "Contains invisible or control characters ({chars}).",
    "删除这些字符后重新输入（不要从其他文档直接粘贴）。",
    "Remove them and retype the value instead of pasting it.",
    "product",
    "provider",
)
TOO_LONG = _rule(
    "input.too_long",
    ERROR,
    "内容过长（{length} 个字符，上限 {limit}）。",
    "Too long ({length} characters, at most {limit}).",
    "请缩短内容。",
    "Shorten the value.",
    "product",
    "provider",
)
UNKNOWN_KEY = _rule(
    "order.input.unknown_key",
    WARNING,
    "未知字段“{key}”已忽略。",
    "Unknown key '{key}' was ignored.",
    "请对照订单 JSON 结构检查字段名。",
    "Check the key against the order JSON schema.",
    "product",
    "provider",
)
WRONG_TYPE = _rule(
    "order.input.wrong_type",
    ERROR,
    "类型错误：应为 {expected}。",
    "Wrong type: expected {expected}.",
    "请按订单 JSON 结构提供该字段。",
    "Send the field as the order JSON schema describes.",
    "product",
    "provider",
)
REQUIRED = _rule(
    "order.field.required",
    ERROR,
    "必填项未填写。",
    "This required field is empty.",
    "请填写后再提交。",
    "Fill it in before submitting.",
    "§1.2",
    "firm",
)

# --- public-security filing number (§8.2) ---------------------------------------------------
PSB_NUMBER_FORMAT = _rule(
    "psb.number.format",
    ERROR,
    "公安备案号格式不正确，应为“{example}”这样的格式（省份简称 + 公网安备 + 14 位数字 + 号）。",
    "The public-security filing number is malformed; it reads like '{example}' (province abbreviation "
    "+ 公网安备 + 14 digits + 号).",
    "请从全国互联网安全管理服务平台复制完整的备案号。",
    "Copy the whole number from the national public-security filing platform (beian.mps.gov.cn).",
    "§8.2",
    "firm",
)
PSB_NUMBER_PREFIX = _rule(
    "psb.number.prefix",
    ERROR,
    "公安备案号的省份简称“{prefix}”与主体所在省份{province}不符，应为“{expected}公网安备”。",
    "The number's province abbreviation '{prefix}' does not match the subject's province {province}; it "
    "must start with '{expected}公网安备'.",
    "请核对备案号；公安备案号的简称可能与 ICP 备案号不同（如四川为“川”）。",
    "Check the number; the public-security prefix may differ from the ICP one (Sichuan uses 川, not 蜀).",
    "§7.2",
    "firm",
)
PSB_NUMBER_DIVISION = _rule(
    "psb.number.division",
    ERROR,
    "公安备案号的前 6 位“{division}”不是{province}的行政区划代码（应以 {code} 开头）。",
    "The number's first 6 digits '{division}' are not an administrative-division code of {province} "
    "(they start with {code}).",
    "请核对备案号的数字是否完整、有无输错。",
    "Check that the digits are complete and typed correctly.",
    "§8.2",
    "firm",
)

# --- a hosted site's custom footer, shown above the filing footer (§8.1, §8.2) -----------------
FOOTER_MARKUP = _rule(
    "footer.custom.markup",
    ERROR,
    "自定义页脚含有不允许的标记：{items}。页脚只能包含文字、链接和简单格式（不能使用样式、脚本、class、id "
    "或隐藏属性），以免遮挡或隐藏备案号。",
    "The custom footer uses markup that is not allowed: {items}. A footer holds text, links and simple "
    "formatting only (no styles, scripts, classes, ids or hidden attributes), so that it cannot cover or hide "
    "the filing number.",
    "删除这些标记后再保存；备案号由平台自动显示在页面底部中央。",
    "Remove that markup and save again; the platform shows the filing number at the bottom centre of every page.",
    "§8.1",
    "provider",
)
FOOTER_UNSAFE_LINK = _rule(
    "footer.custom.unsafe_link",
    ERROR,
    "链接“{url}”使用了不允许的协议（只允许 http、https、mailto、tel 及站内链接）。",
    "The link '{url}' uses a scheme that is not allowed (only http, https, mailto, tel and links within the site).",
    "请改用 https:// 开头的链接。",
    "Use a link that starts with https://.",
    "product",
    "provider",
)
FOOTER_OTHER_NUMBER = _rule(
    "footer.custom.other_number",
    ERROR,
    "自定义页脚中的备案号“{number}”与本网站的备案号“{expected}”不符。",
    "The custom footer shows the filing number '{number}', but this site is filed as '{expected}'.",
    "删除该备案号：页面底部会根据备案记录自动显示正确的备案号并链接到工信部。",
    "Remove it: the correct number, linked to MIIT, is shown at the bottom of every page from the filing record.",
    "§8.1",
    "firm",
    variants={
        "not_filed": Wording(
            "自定义页脚中写有备案号“{number}”，但本网站尚未通过我们完成备案接入。",
            "The custom footer shows the filing number '{number}', but this site is not filed with access "
            "through us yet.",
            "删除该备案号：备案通过后，页面底部会根据备案记录自动显示备案号。",
            "Remove it: once the site is filed, the number is shown at the bottom of every page from the record.",
        ),
        "several_numbers": Wording(
            "本网站的域名分属不同的备案号（{expected}），自定义页脚会显示在每个域名上，不能写备案号“{number}”。",
            "This site's domains are filed under different numbers ({expected}) and the custom footer shows on "
            "all of them, so it cannot carry the number '{number}'.",
            "删除该备案号：每个域名的页面底部会根据备案记录自动显示各自的备案号。",
            "Remove it: each domain's pages show their own number at the bottom, from the record.",
        ),
    },
)
FOOTER_OTHER_PSB_NUMBER = _rule(
    "footer.custom.other_psb_number",
    ERROR,
    "自定义页脚中的公安备案号“{number}”与本网站登记的“{expected}”不符。",
    "The custom footer shows the public-security filing number '{number}', but this site's is '{expected}'.",
    "删除该号码：页面底部会自动显示登记的公安备案号，并附公安图标和查询链接。",
    "Remove it: the number entered for the site is shown at the bottom of every page with the emblem and link.",
    "§8.2",
    "firm",
    variants={
        "none_entered": Wording(
            "自定义页脚中写有公安备案号“{number}”，但本网站尚未登记公安备案号。",
            "The custom footer shows the public-security filing number '{number}', but none is entered for this site.",
            "请在“我的备案”中填写公安备案号，页面底部会自动显示它，并附公安图标和查询链接。",
            "Enter the number under 'My filings': the footer then shows it with the emblem and the query link.",
        )
    },
)
FOOTER_OBSOLETE_LINK = _rule(
    "footer.custom.obsolete_link",
    ERROR,
    "自定义页脚链接到已停用的备案网址“{host}”；备案号须链接到 {link} 。",
    "The custom footer links to the obsolete filing address '{host}'; the filing number must link to {link}.",
    "删除该链接：页面底部的备案号已自动链接到 {link} 。",
    "Remove the link: the filing number at the bottom of every page already links to {link}.",
    "§8.1",
    "firm",
)
# --- after approval: the compliance monitor (§8.1, §8.3, §6.5, §1.7) ---------------------------
# Raised by beian.rules.monitor over a filed website's facts (the page we serve, the registry, the
# principals' certificates, our hosting); the monitor app keeps each as a risk with a deadline.
MONITOR_FOOTER_MISSING = _rule(
    "monitor.footer.missing",
    ERROR,
    "{host} 的首页没有显示网站备案号 {number}。",
    "The home page of {host} does not show the website filing number {number}.",
    "在首页底部居中显示备案号 {number}，并链接到 {link}；自定义页脚不得删除备案号。",
    "Show {number} at the bottom centre of the home page, linked to {link}; a custom footer must keep it.",
    "§8.1",
    "firm",
)
MONITOR_FOOTER_LINK = _rule(
    "monitor.footer.link",
    ERROR,
    "{host} 的首页显示了备案号 {number}，但没有链接到 {link}。",
    "The home page of {host} shows {number} but does not link it to {link}.",
    "将备案号链接到 {link}（旧地址 www.miitbeian.gov.cn 已停用）。",
    "Link the number to {link} (the old www.miitbeian.gov.cn address is obsolete).",
    "§8.1",
    "firm",
)
MONITOR_FOOTER_WRONG_NUMBER = _rule(
    "monitor.footer.wrong_number",
    ERROR,
    "{host} 的首页显示的备案号 {shown} 不是本网站的备案号 {number}。",
    "The home page of {host} shows {shown}, which is not this website's filing number {number}.",
    "只显示本网站的备案号 {number}，并删除其他备案号。",
    "Show this website's own number, {number}, and remove the other one.",
    "§8.1",
    "firm",
)
MONITOR_DOMAIN_EXPIRED = _rule(
    "monitor.domain.expired",
    ERROR,
    "域名 {domain} 已于 {expires_on} 到期。",
    "The domain {domain} expired on {expires_on}.",
    "请立即续费域名：域名失效后他人注册并备案，可能导致本网站备案被注销。不再使用该域名的，请通过变更网站删除它。",
    "Renew the domain now: once it lapses, a new holder's filing can get this website deregistered. If you no "
    "longer use it, remove it by a website change.",
    "§6.5",
    "firm",
)
MONITOR_DOMAIN_EXPIRES_SOON = _rule(
    "monitor.domain.expires_soon",
    WARNING,
    "域名 {domain} 将于 {expires_on} 到期，还剩 {days} 天。",
    "The domain {domain} expires on {expires_on}, in {days} days.",
    "请在到期前续费域名。",
    "Renew the domain before it expires.",
    "§6.5",
    "provider",
)
MONITOR_DOMAIN_REGISTRANT_CHANGED = _rule(
    "monitor.domain.registrant_changed",
    ERROR,
    "域名 {domain} 在注册局登记的持有者已不是备案主体。",
    "The registry no longer lists the filing subject as the holder of {domain}.",
    "将域名过户回备案主体名下并完成实名认证；域名已转让的，请通过变更网站删除该域名。",
    "Transfer the domain back to the subject and redo real-name verification; if it was sold, remove it from "
    "the website by a change filing.",
    "§8.3",
    "firm",
)
MONITOR_DOMAIN_NOT_VERIFIED = _rule(
    "monitor.domain.not_verified",
    ERROR,
    "域名 {domain} 的实名认证已失效。",
    "The domain {domain} is no longer real-name verified at the registry.",
    "请在注册商处重新完成实名认证。",
    "Complete real-name verification at the registrar again.",
    "§8.3",
    "firm",
)
MONITOR_CERTIFICATE_EXPIRED = _rule(
    "monitor.certificate.expired",
    ERROR,
    "{role}的证件已于 {valid_until} 过期。",
    "The {role}'s certificate expired on {valid_until}.",
    "请办理变更备案，更新{role}的有效证件。",
    "File a change with the {role}'s renewed certificate.",
    "§8.3",
    "firm",
)
MONITOR_CERTIFICATE_EXPIRES_SOON = _rule(
    "monitor.certificate.expires_soon",
    WARNING,
    "{role}的证件将于 {valid_until} 到期，还剩 {days} 天。",
    "The {role}'s certificate expires on {valid_until}, in {days} days.",
    "请在到期前换领证件，并办理变更备案更新证件信息。",
    "Renew the certificate before it expires and file a change with the new one.",
    "§8.3",
    "firm",
)
MONITOR_HOSTING_GONE = _rule(
    "monitor.hosting.not_hosted",
    ERROR,
    "域名 {domain} 已不在本平台提供服务。",
    "The domain {domain} is no longer served from our platform.",
    "请将域名重新绑定到您在本平台的网站；网站已迁往其他服务商的，请先在新服务商办理新增接入，再办理取消接入。",
    "Bind the domain to your site on our platform again; if the website moved to another provider, complete "
    "new access there first, then cancel access here.",
    "§6.5",
    "firm",
)

# --- filing type (§1) -------------------------------------------------------------------------
FILING_TYPE_UNKNOWN = _rule(
    "order.filing_type.unknown",
    ERROR,
    "未知的备案类型“{filing_type}”。",
    "Unknown filing type '{filing_type}'.",
    "请从备案类型列表中选择。",
    "Choose a filing type from the list.",
    "§1.1",
    "firm",
)
FILING_TYPE_WRONG = _rule(
    "order.filing_type.wrong",
    ERROR,
    "根据主体和域名的备案情况，本订单应为“{expected_name}”，而不是“{actual_name}”。",
    "Given what is already filed for the subject and domain, this order must be '{expected_name}', "
    "not '{actual_name}'.",
    "放弃本订单，按正确的备案类型重新创建。",
    "Abandon this order and create a new one with the right filing type.",
    "§1",
    "firm",
    "TYPE_WRONG",
)
WEBSITE_NEEDS_OTHER_FILING_TYPE = _rule(
    "order.website.needs_other_filing_type",
    ERROR,
    "根据该网站域名的备案情况，它须以“{expected_name}”办理，不能放在“{actual_name}”订单中。",
    "Given what is already filed for this website's domain, it needs a '{expected_name}' order; it cannot be "
    "part of this '{actual_name}' order.",
    "将该网站从本订单中移除，另建“{expected_name}”订单办理。",
    "Remove this website from the order and file it in a separate '{expected_name}' order.",
    "§1",
    "firm",
    "TYPE_WRONG",
)

# --- websites and domains per order (§5.7) ----------------------------------------------------
ORDER_WEBSITES_TOO_MANY = _rule(
    "order.websites.too_many",
    ERROR,
    "{subject_kind}每个订单最多 {limit} 个网站（当前 {count} 个）。",
    "An order of {subject_kind} may hold at most {limit} website(s) ({count} listed).",
    "将其余网站放到后续的“新增网站”订单中。",
    "Move the other websites to later 'new website' orders.",
    "§5.7",
    "provider",
    "DOMAIN_COUNT_EXCEEDED",
)
ORDER_WEBSITES_PROVINCE_CAP = _rule(
    "order.websites.province_cap",
    ERROR,
    "{province_name}管局要求每个订单最多 {limit} 个网站（当前 {count} 个）。",
    "The {province_name} regulator accepts at most {limit} website(s) per order ({count} listed).",
    "将其余网站放到后续的订单中。",
    "Move the other websites to later orders.",
    "§5.7",
    "varies",
    "DOMAIN_COUNT_EXCEEDED",
    variants={
        "after_filed": Wording(
            "{province_name}管局：主体已备案 {filed} 个网站（超过 {threshold} 个），每个订单只能包含 {limit} 个网站"
            "（当前 {count} 个）。",
            "The {province_name} regulator: a subject with {filed} filed websites (more than {threshold}) may add "
            "only {limit} website(s) per order ({count} listed).",
            "每个订单只提交 {limit} 个网站。",
            "Submit {limit} website(s) per order.",
        )
    },
)
ORDER_DOMAINS_PROVINCE_CAP = _rule(
    "order.domains.province_cap",
    ERROR,
    "{province_name}管局要求每个订单最多 {limit} 个域名（当前 {count} 个）。",
    "The {province_name} regulator accepts at most {limit} domain(s) per order ({count} listed).",
    "将其余域名的网站放到后续的订单中。",
    "Move the websites of the other domains to later orders.",
    "§5.7",
    "varies",
    "DOMAIN_COUNT_EXCEEDED",
    variants={
        "after_filed": Wording(
            "{province_name}管局：主体已备案 {filed} 个网站（超过 {threshold} 个），每个订单只能包含 {limit} 个域名"
            "（当前 {count} 个）。",
            "The {province_name} regulator: a subject with {filed} filed websites (more than {threshold}) may add "
            "only {limit} domain(s) per order ({count} listed).",
            "每个订单只提交 {limit} 个域名。",
            "Submit {limit} domain(s) per order.",
        )
    },
)
ORDER_FILED_WEBSITES_PROVINCE_CAP = _rule(
    "order.websites.province_total_cap",
    ERROR,
    "{province_name}管局要求每个主体最多备案 {limit} 个网站（已备案 {filed} 个，本订单 {count} 个）。",
    "The {province_name} regulator allows at most {limit} filed websites per subject ({filed} filed, {count} in "
    "this order).",
    "减少本订单的网站数量，或先注销不再使用的网站。",
    "List fewer websites, or cancel websites no longer in use first.",
    "§5.7",
    "varies",
    "DOMAIN_COUNT_EXCEEDED",
)
EMPTY_SHELL_CANNOT_ADD = _rule(
    "subject.empty_shell.cannot_add_website",
    ERROR,
    "该主体为空壳主体，所在省份不允许直接新增网站。",
    "The subject is an empty shell and its province does not allow adding a website to it.",
    "先向管局注销空壳主体，再办理首次备案。",
    "Cancel the empty-shell subject at the regulator, then do a first filing.",
    "§8.4",
    "varies",
    "EMPTY_SHELL_SUBJECT",
)

# --- changes and cancellations of a filed record (§1.5–§1.7, §8.4) -------------------------------

CHANGE_NOTHING_CHANGED = _rule(
    "change.nothing_changed",
    ERROR,
    "变更申请中没有任何信息与已备案信息（{target}）不同。",
    "Nothing in this change differs from what is filed ({target}).",
    "修改需要变更的信息后再提交；无需变更时请放弃此申请。",
    "Change the information that is out of date before you submit, or abandon this order.",
    "§1.5",
    "firm",
)
CHANGE_DOMAIN_DUPLICATE = _rule(
    "change.domain.duplicate",
    ERROR,
    "域名 {domain} 重复填写。",
    "The domain {domain} is listed twice.",
    "每个域名只填写一次。",
    "List each domain once.",
    "§6.3",
    "firm",
)
CHANGE_DOMAIN_FILED_ELSEWHERE = _rule(
    "change.domain.filed_elsewhere",
    ERROR,
    "域名 {domain} 已在其他网站下备案，不能加入此网站。",
    "The domain {domain} is already filed for another website and cannot be added to this one.",
    "先在原网站中删除该域名（变更网站）或注销原网站，再添加。",
    "Remove it from the other website first (change that website) or cancel that website, then add it here.",
    "§1.8",
    "firm",
    "DOMAIN_ALREADY_FILED",
)
CHANGE_DOMAIN_NONE_LEFT = _rule(
    "change.domain.none_left",
    ERROR,
    "网站至少需要保留一个域名。",
    "A website keeps at least one domain.",
    "如不再使用该网站的所有域名，请办理注销网站。",
    "To stop using every domain of the website, cancel the website instead.",
    "§1.6",
    "firm",
)
CHANGE_ACCESS_NOTHING_CHANGED = _rule(
    "change.access.nothing_changed",
    ERROR,
    "接入信息没有变化（{target}）。",
    "The access information is unchanged ({target}).",
    "选择新的托管站点后再提交；无需变更时请放弃此申请。",
    "Choose the hosted site that will serve the website, or abandon this order.",
    "§1.5",
    "firm",
)
CANCEL_REASON_REQUIRED = _rule(
    "cancel.reason.required",
    ERROR,
    "请选择注销或取消接入的原因。",
    "Choose why you cancel.",
    "从列表中选择最符合的原因。",
    "Pick the reason from the list that fits best.",
    "§1.6",
    "firm",
)
CANCEL_REASON_UNKNOWN = _rule(
    "cancel.reason.unknown",
    ERROR,
    "原因“{reason}”不在可选列表中。",
    "The reason “{reason}” is not one of the listed reasons.",
    "从列表中重新选择原因。",
    "Pick a reason from the list.",
    "§1.6",
    "provider",
)
CANCEL_CONFIRMATION_MISMATCH = _rule(
    "cancel.confirmation.mismatch",
    ERROR,
    "注销不可撤销：请输入“{expected}”以确认。",
    "Cancellation cannot be undone: type “{expected}” to confirm.",
    "在确认框中完整输入“{expected}”。",
    "Type “{expected}” exactly in the confirmation box.",
    "§1.6",
    "firm",
)
CANCEL_LEAVES_EMPTY_SHELL_WEBSITE = _rule(
    "cancel.empty_shell.website",
    WARNING,
    "取消接入后，网站（{target}）将没有任何接入商，成为空壳网站，管局将注销其备案号。",
    "After cancelling access, the website ({target}) has no access provider left: it becomes an empty-shell "
    "website and the regulator will cancel its number.",
    "如网站迁往其他接入商，请先在新接入商完成新增接入，再取消接入。",
    "If the website moves to another provider, complete new access there first, then cancel access here.",
    "§1.7",
    "firm",
)
CANCEL_LEAVES_EMPTY_SHELL_SUBJECT = _rule(
    "cancel.empty_shell.subject",
    WARNING,
    "这是主体（{target}）下最后一个仍在接入的网站：完成后主体将成为空壳主体。管局会清理空壳主体，之后新增网站仅在部分省份可直接办理，其他省份需先注销主体再首次备案。",
    "This is the last website of the subject ({target}) still accessed: afterwards the subject is an empty shell. "
    "Regulators clean up empty shells; adding a website later is possible directly only in some provinces, "
    "elsewhere the subject must be cancelled and filed again.",
    "如仍需保留主体，请先新增网站或新增接入，再注销或取消接入。",
    "To keep the subject, add a website or new access first, then cancel.",
    "§8.4",
    "firm",
    "EMPTY_SHELL_SUBJECT",
)

FILING_TYPE_LOOKUP_UNAVAILABLE = _rule(
    "order.filing_type.lookup_unavailable",
    ERROR,
    "暂时无法查询工信部的备案信息，无法确定备案类型。",
    "The regulator's filing records cannot be looked up right now, so the filing type cannot be decided.",
    "请稍后重试；备案类型不会凭猜测决定。",
    "Please try again in a few minutes; the filing type is never decided on a guess.",
    "§1",
    "firm",
)
FILING_TYPE_SUBJECT_OTHER_ACCOUNT = _rule(
    "order.filing_type.subject_other_account",
    ERROR,
    "该主体已在本平台的另一个账号下备案。",
    "This subject is already filed with us under another account.",
    "请登录备案该主体的账号办理；如需把主体转到本账号，请联系客服办理转移备案。",
    "Sign in with the account that filed it and file from there; to move the subject to this account, "
    "ask support for an account transfer.",
    "§1.8",
    "provider",
)
FILING_TYPE_DOMAIN_ALREADY_OURS = _rule(
    "website.domain.already_filed_with_us",
    ERROR,
    "域名“{domain}”已备案（{number}）并已接入本平台，无需再次备案。",
    "The domain '{domain}' is already filed ({number}) and accessed through us: there is nothing to file.",
    "它的子域名可直接使用；如需修改网站信息，请办理变更网站。",
    "Its subdomains may be used as they are; to change the website's details, file a website change.",
    "§1.1",
    "firm",
    "DOMAIN_ALREADY_FILED",
)
FILING_TYPE_MIXED = _rule(
    "order.filing_type.mixed",
    ERROR,
    "这些域名需要不同的备案类型：{detail}。",
    "These domains need different filing types: {detail}.",
    "每种备案类型单独办理一个订单。",
    "File each type in an order of its own.",
    "§1",
    "firm",
    "TYPE_WRONG",
)
FILING_TYPE_REQUESTED_WRONG = _rule(
    "order.filing_type.requested_wrong",
    ERROR,
    "不能办理“{actual_name}”：{why}，应办理“{expected_name}”。",
    "'{actual_name}' is not possible: {why}, so this is a '{expected_name}'.",
    "按“{expected_name}”创建订单。",
    "Create the order as a '{expected_name}'.",
    "§1",
    "firm",
    "TYPE_WRONG",
)
FILING_TYPE_PROVINCE_MISMATCH = _rule(
    "order.filing_type.province_mismatch",
    ERROR,
    "该主体已在{province}备案（{number}），不能在其他省份办理。",
    "The subject is filed in {province} ({number}); its filings go to that province.",
    "请选择主体备案所在的省份；跨省请先办理变更主体。",
    "Choose the province the subject is filed in; to move provinces, change the subject first.",
    "§1.5",
    "firm",
)
FILING_TYPE_SUBJECT_CHANGE_PENDING = _rule(
    "order.filing_type.subject_change_pending",
    ERROR,
    "该主体有未完成的变更订单（{reference}），变更完成前不能新增网站。",
    "The subject has a change order in progress ({reference}); no website can be added until it is done.",
    "先完成或放弃主体变更，再新增网站。",
    "Finish or abandon the subject change first, then add the website.",
    "§1.3",
    "firm",
)
RECORDED_MISMATCH = _rule(
    "order.recorded.mismatch",
    ERROR,
    "{what}与工信部的备案信息不一致{recorded}。",
    "{what} does not match the regulator's record{recorded}.",
    "须与已备案的信息一致；如需修改，请先在原接入商处办理变更。",
    "It must equal what is filed; to change it, file a change at the provider that holds the filing first.",
    "§1.4",
    "firm",
    "TYPE_WRONG",
)

# --- subject (§3, §5.1, §5.3, §5.4, §11) --------------------------------------------------------
NATURE_UNKNOWN = _rule(
    "subject.nature.unknown",
    ERROR,
    "未知的主办单位性质（{nature}）。",
    "Unknown subject nature ({nature}).",
    "请从列表中选择主办单位性质。",
    "Choose a subject nature from the list.",
    "§3",
    "firm",
)
NATURE_NOT_OFFERED = _rule(
    "subject.nature.not_offered",
    ERROR,
    "本平台不受理“{nature_name}”性质的备案。",
    "Filings for subject nature '{nature_name}' are not accepted here.",
    "请联系客服人工处理。",
    "Contact support for a manual filing.",
    "§3",
    "firm",
)
PROVINCE_UNKNOWN = _rule(
    "subject.province.unknown",
    ERROR,
    "未知的省份代码（{province}）。",
    "Unknown province code ({province}).",
    "请从列表中选择备案省份。",
    "Choose the filing province from the list.",
    "§7.2",
    "firm",
)
CERTIFICATE_TYPE_UNKNOWN = _rule(
    "subject.certificate_type.unknown",
    ERROR,
    "未知的证件类型（{certificate_type}）。",
    "Unknown certificate type ({certificate_type}).",
    "请从列表中选择证件类型。",
    "Choose a certificate type from the list.",
    "§3",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
CERTIFICATE_TYPE_NOT_ALLOWED = _rule(
    "subject.certificate_type.not_allowed",
    ERROR,
    "“{nature_name}”不能使用“{certificate_name}”备案。",
    "Subject nature '{nature_name}' cannot file with certificate '{certificate_name}'.",
    "请选择该性质允许的证件类型，或更正主办单位性质。",
    "Choose a certificate allowed for the nature, or correct the nature.",
    "§3",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
USCC_LENGTH = _rule(
    "subject.uscc.length",
    ERROR,
    "统一社会信用代码应为 {expected} 位，当前 {length} 位。",
    "A unified social credit code has {expected} characters, this one has {length}.",
    "请对照营业执照逐位核对。",
    "Copy the code again from the licence.",
    "§5.1",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
USCC_CHARACTERS = _rule(
    "subject.uscc.characters",
    ERROR,
    "统一社会信用代码在该位置不会出现这些字符（{chars}）。",
    "The code never has these characters in these positions ({chars}).",
    "请对照执照逐位核对，注意数字 0 与字母 O、数字 1 与字母 I 的区别。",
    "Compare it with the licence; mind the digit 0 versus the letter O and the digit 1 versus the letter I.",
    "§5.1",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
USCC_CHECKSUM = _rule(
    "subject.uscc.checksum",
    ERROR,
    "统一社会信用代码校验位不正确。",
    "The code's check character is wrong.",
    "代码中有字符输错，请对照执照逐位核对。",
    "A character was mistyped: compare it with the licence one by one.",
    "§5.1",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
USCC_CATEGORY_UNKNOWN = _rule(
    "subject.uscc.category_unknown",
    WARNING,
    "统一社会信用代码前两位“{category}”不在登记机构类别表中。",
    "The code's first two characters '{category}' are not a known registration category.",
    "请核对代码前两位。",
    "Check the first two characters.",
    "§5.1",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
USCC_CATEGORY_NATURE_MISMATCH = _rule(
    "subject.uscc.category_nature_mismatch",
    ERROR,
    "统一社会信用代码表明该单位为“{category_name}”，与所选主办单位性质“{nature_name}”不符。",
    "The code says the unit is a '{category_name}', which does not match the chosen nature '{nature_name}'.",
    "请更正主办单位性质或证件号码。",
    "Correct the subject nature or the certificate number.",
    "§5.1",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
USCC_REGION_OTHER_PROVINCE = _rule(
    "subject.uscc.region_other_province",
    WARNING,
    "统一社会信用代码的登记机关在“{code_province}”，而备案省份为“{province_name}”。",
    "The code was issued in {code_province}, but the filing province is {province_name}.",
    "单位须在证件住所所在省份备案；若住所已迁入本省请忽略。",
    "Organisations file in the province of their certificate address; ignore this if the unit has moved here.",
    "§3",
    "firm",
    "CROSS_PROVINCE_ORG",
)
ORG_CODE_FORMAT = _rule(
    "subject.org_code.format",
    ERROR,
    "组织机构代码应为 8 位数字或大写字母加 1 位校验码。",
    "An organisation code is 8 digits or capital letters plus a check character.",
    "请对照证书核对，或填写统一社会信用代码。",
    "Copy it from the certificate, or enter the unified social credit code.",
    "§5.1",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
ORG_NAME_CHARACTERS = _rule(
    "subject.name.characters",
    ERROR,
    "单位名称含有不允许的符号（{chars}）。",
    "The organisation name contains symbols it cannot have ({chars}).",
    "请与证件上的名称完全一致。",
    "Enter the name exactly as printed on the certificate.",
    "§9",
    "firm",
    "SUBJECT_NAME_MISMATCH",
)
ORG_NAME_NO_CHINESE = _rule(
    "subject.name.no_chinese",
    WARNING,
    "单位名称中没有汉字。",
    "The organisation name has no Chinese characters.",
    "请填写证件上的中文名称。",
    "Enter the Chinese name printed on the certificate.",
    "§9",
    "firm",
    "SUBJECT_NAME_MISMATCH",
)
CERTIFICATE_ADDRESS_OTHER_PROVINCE = _rule(
    "subject.certificate_address.other_province",
    ERROR,
    "证件住所位于“{address_province}”，单位不能跨省在“{province_name}”备案。",
    "The certificate address is in {address_province}; an organisation cannot file in {province_name}.",
    "在证件住所所在省份备案，或使用本省分支机构的证件。",
    "File in the certificate address's province, or use a local branch's certificate.",
    "§3",
    "firm",
    "CROSS_PROVINCE_ORG",
)
MAILING_ADDRESS_OTHER_PROVINCE = _rule(
    "subject.mailing_address.other_province",
    ERROR,
    "通信地址位于“{address_province}”，不在备案省份“{province_name}”。",
    "The mailing address is in {address_province}, outside the filing province {province_name}.",
    "请填写备案省份内的通信地址。",
    "Give a mailing address inside the filing province.",
    "§5.3",
    "firm",
    "MAIL_ADDRESS_INVALID",
)
MAILING_ADDRESS_REPEATS_PROVINCE = _rule(
    "subject.mailing_address.repeats_province",
    WARNING,
    "通信地址重复填写了已选择的省份“{province_name}”。",
    "The mailing address repeats the province already chosen ({province_name}).",
    "省份和城市已在上方填写，地址中不要再写：从区县写起，写到门牌号。",
    "The province and city are given above: leave them out and start at the district, down to the door number.",
    "§5.3",
    "varies",
    "MAIL_ADDRESS_INVALID",
)
MAILING_ADDRESS_NOT_DETAILED = _rule(
    "subject.mailing_address.no_door_number",
    WARNING,
    "通信地址似乎没有门牌号。",
    "The mailing address seems to have no door number.",
    "请写到门牌号；确无门牌号时在备注中说明。",
    "Give the door number; if there is none, say so in the remark.",
    "§5.3",
    "firm",
    "MAIL_ADDRESS_INVALID",
)
OFFICE_PHONE_FORMAT = _rule(
    "subject.office_phone.format",
    ERROR,
    "办公电话不是有效的固定电话或手机号码。",
    "The office phone is neither a valid landline nor a valid mobile number.",
    "固定电话请带区号，如 010-12345678。",
    "Give landlines with the area code, e.g. 010-12345678.",
    "§5.3",
    "varies",
    "PHONE_UNREACHABLE",
)
PRINCIPAL_NOT_LEGAL_REP = _rule(
    "subject.principal.not_legal_rep",
    ERROR,
    "“{province_name}”要求单位的主体负责人为法定代表人。",
    "{province_name} requires the subject principal of an organisation to be its legal representative.",
    "将主体负责人改为法定代表人。",
    "Make the legal representative the subject principal.",
    "§11",
    "varies",
    "PRINCIPAL_NOT_LEGAL_REP",
)
PRINCIPAL_NEEDS_AUTHORISATION = _rule(
    "subject.principal.authorisation_required",
    WARNING,
    "主体负责人不是法定代表人：“{province_name}”需要法定代表人签署的授权书。",
    "The subject principal is not the legal representative: {province_name} needs an authorisation letter.",
    "上传法定代表人签字并加盖公章的授权书。",
    "Upload an authorisation letter signed by the legal representative and sealed.",
    "§11",
    "varies",
    "AUTH_LETTER_MISSING",
)
WEBSITE_PRINCIPAL_NEEDS_AUTHORISATION = _rule(
    "website.principal.authorisation_required",
    WARNING,
    "网站负责人不是法定代表人：“{province_name}”需要授权书。",
    "The website principal is not the legal representative: {province_name} needs an authorisation letter.",
    "上传法定代表人签署的网站负责人授权书。",
    "Upload the website-principal authorisation signed by the legal representative.",
    "§11",
    "varies",
    "AUTH_LETTER_MISSING",
)
PERSON_NON_LOCAL = _rule(
    "subject.individual.non_local",
    ERROR,
    "证件属于“{id_province}”，“{province_name}”只受理本省证件的个人备案。",
    "The ID was issued in {id_province}; {province_name} accepts personal filings with local IDs only.",
    "请在证件所属省份备案。",
    "File in the province that issued the ID.",
    "§11",
    "varies",
    "CROSS_PROVINCE_PERSON",
)
PERSON_RESIDENCE_PROOF = _rule(
    "subject.individual.residence_proof_required",
    WARNING,
    "证件属于“{id_province}”，在“{province_name}”备案需提供居住证明。",
    "The ID was issued in {id_province}; filing in {province_name} needs proof of residence.",
    "上传居住证等居住证明材料。",
    "Upload a residence permit or another accepted residence proof.",
    "§11",
    "varies",
    "CROSS_PROVINCE_PERSON",
)
PERSON_NON_LOCAL_POLICY_UNKNOWN = _rule(
    "subject.individual.non_local_policy_unknown",
    INFO,
    "证件属于“{id_province}”，“{province_name}”对外省个人备案的要求未知，审核员将人工确认。",
    "The ID was issued in {id_province}; {province_name}'s policy for non-local individuals is unknown, "
    "a reviewer will confirm.",
    "可预先准备居住证明。",
    "Have a residence proof ready.",
    "§11",
    "varies",
    "CROSS_PROVINCE_PERSON",
)

# --- persons: principals (§3, §5.2, §5.3) ------------------------------------------------------
PERSON_NAME_CHARACTERS = _rule(
    "person.name.characters",
    ERROR,
    "姓名含有不允许的字符（{chars}）。",
    "The name contains characters a name cannot have ({chars}).",
    "请与证件上的姓名完全一致。",
    "Enter the name exactly as on the certificate.",
    "§9",
    "firm",
    "SUBJECT_NAME_MISMATCH",
)
PERSON_NAME_MIXED_SCRIPTS = _rule(
    "person.name.mixed_scripts",
    ERROR,
    "姓名混用了汉字和拉丁字母。",
    "The name mixes Chinese and Latin letters.",
    "请与证件上的姓名完全一致。",
    "Enter the name exactly as on the certificate.",
    "§9",
    "firm",
    "SUBJECT_NAME_MISMATCH",
)
PERSON_CERTIFICATE_TYPE_NOT_ALLOWED = _rule(
    "person.certificate_type.not_allowed",
    ERROR,
    "负责人不能使用“{certificate_name}”。",
    "A principal cannot use certificate '{certificate_name}'.",
    "负责人请使用个人证件（身份证、护照、通行证、居住证等）。",
    "Principals use personal certificates (resident ID, passport, travel permit, residence permit).",
    "§3",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
RESIDENT_ID_FIRST_GENERATION = _rule(
    "person.resident_id.first_generation",
    ERROR,
    "15 位第一代身份证号码已在全国停止使用。",
    "15-digit first-generation ID numbers are no longer valid.",
    "请使用 18 位第二代身份证号码。",
    "Use the 18-digit second-generation ID number.",
    "§5.2",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
RESIDENT_ID_FORMAT = _rule(
    "person.resident_id.format",
    ERROR,
    "证件号码应为 17 位数字加 1 位数字或 X。",
    "The number must be 17 digits followed by a digit or X.",
    "请对照证件核对号码。",
    "Copy the number again from the card.",
    "§5.2",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
RESIDENT_ID_CHECKSUM = _rule(
    "person.resident_id.checksum",
    ERROR,
    "证件号码校验位不正确。",
    "The number's check digit is wrong.",
    "号码中有数字输错，请逐位核对。",
    "A digit was mistyped: compare it with the card one by one.",
    "§5.2",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
RESIDENT_ID_BIRTH_DATE = _rule(
    "person.resident_id.birth_date",
    ERROR,
    "证件号码中的出生日期“{birth}”不是有效日期。",
    "The birth date in the number ('{birth}') is not a real date.",
    "请核对第 7–14 位。",
    "Check digits 7-14.",
    "§5.2",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
RESIDENT_ID_BIRTH_IN_FUTURE = _rule(
    "person.resident_id.birth_in_future",
    ERROR,
    "证件号码中的出生日期 {birth} 晚于今天。",
    "The birth date in the number ({birth}) is in the future.",
    "请核对第 7–14 位。",
    "Check digits 7-14.",
    "§5.2",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
UNDERAGE = _rule(
    "person.age.below_minimum",
    ERROR,
    "负责人 {age} 岁，未满 {min_age} 岁。",
    "The principal is {age}, younger than the minimum age of {min_age}.",
    "请由成年人担任负责人，或按省份要求提供证明。",
    "Use an adult principal, or add the proof the province asks for.",
    "§5.2",
    "varies",
    "UNDERAGE",
)
RESIDENCE_PERMIT_PREFIX = _rule(
    "person.residence_permit.prefix",
    WARNING,
    "港澳台居民居住证号码通常以 {prefixes} 开头。",
    "HK/Macao/Taiwan residence permit numbers usually start with {prefixes}.",
    "请对照居住证核对号码。",
    "Check the number against the permit.",
    "§5.2",
    "unverified",
    "CERT_NUMBER_MISMATCH",
)
CERTIFICATE_FORMAT = _rule(
    "person.certificate.format",
    ERROR,
    "证件号码应为 {min}–{max} 位字母或数字。",
    "The certificate number must be {min} to {max} letters or digits.",
    "请对照证件核对号码。",
    "Copy the number again from the certificate.",
    "§5.2",
    "firm",
    "CERT_NUMBER_MISMATCH",
)
CERTIFICATE_EXPIRED = _rule(
    "person.certificate.expired",
    ERROR,
    "证件已于 {valid_until} 过期。",
    "The certificate expired on {valid_until}.",
    "请更换有效证件并重新上传。",
    "Renew the certificate and upload the new one.",
    "§5.2",
    "varies",
    "ID_EXPIRED_OR_SHORT",
)
CERTIFICATE_EXPIRES_SOON = _rule(
    "person.certificate.expires_soon",
    ERROR,
    "证件有效期至 {valid_until}，剩余不足 {months} 个月。",
    "The certificate is valid until {valid_until}, less than {months} months from now.",
    "请更换证件后再备案。",
    "Renew the certificate before filing.",
    "§5.2",
    "varies",
    "ID_EXPIRED_OR_SHORT",
)
MOBILE_FORMAT = _rule(
    "person.mobile.format",
    ERROR,
    "不是有效的中国大陆手机号码（11 位，以 1 开头）。",
    "Not a valid mainland mobile number (11 digits starting with 1).",
    "请填写能接收工信部短信的大陆手机号码。",
    "Give a mainland mobile that can receive MIIT SMS.",
    "§5.3",
    "firm",
    "PHONE_UNREACHABLE",
)
MOBILE_UNKNOWN_SEGMENT = _rule(
    "person.mobile.unknown_segment",
    WARNING,
    "该手机号段不在已分配号段中，可能无法接收工信部短信。",
    "This number range is not a known allocated mobile range; it may not receive MIIT SMS.",
    "建议换用三大运营商的常用号码。",
    "Prefer a common number from one of the main carriers.",
    "§5.3",
    "firm",
    "PHONE_UNREACHABLE",
)
MOBILE_NOT_LOCAL = _rule(
    "person.mobile.not_local",
    WARNING,
    "该手机号归属地为“{location}”，“{province_name}”要求负责人使用本省号码。",
    "This number is registered in {location}; {province_name} requires a local number for principals.",
    "请换用备案省份的手机号码。",
    "Use a mobile number registered in the filing province.",
    "§5.3",
    "varies",
    "PHONE_NOT_LOCAL",
)
MOBILE_LOCATION_UNKNOWN = _rule(
    "person.mobile.location_unknown",
    INFO,
    "“{province_name}”要求负责人使用本省号码，无法离线确认该号码归属地。",
    "{province_name} requires a local number for principals; this number's location cannot be resolved offline.",
    "请确认号码归属地在备案省份。",
    "Make sure the number is registered in the filing province.",
    "§5.3",
    "varies",
    "PHONE_NOT_LOCAL",
)
PHONE_USED_BY_OTHER_SUBJECT = _rule(
    "person.mobile.used_by_other_subject",
    ERROR,
    "该号码已被其他备案主体使用。",
    "This number is already used by another filed subject.",
    "请换用其他号码，或先变更另一主体的备案信息。",
    "Use another number, or first change the other subject's filing.",
    "§5.3",
    "firm",
    "PHONE_USED_BY_OTHER_SUBJECT",
)
EMERGENCY_PHONE_FORMAT = _rule(
    "person.emergency_phone.format",
    ERROR,
    "应急联系电话不是有效的手机或固定电话号码。",
    "The emergency phone is neither a valid mobile nor a valid landline.",
    "固定电话请带区号。",
    "Give landlines with the area code.",
    "§5.3",
    "firm",
    "PHONE_UNREACHABLE",
)
EMERGENCY_PHONE_SAME_AS_MOBILE = _rule(
    "person.emergency_phone.same_as_mobile",
    ERROR,
    "应急联系电话与负责人手机号码（{other}）相同。",
    "The emergency phone equals a principal's mobile ({other}).",
    "请填写另一个长期使用的号码。",
    "Give another number the subject has used for a long time.",
    "§5.3",
    "firm",
    "CONTACTS_DUPLICATED",
)
EMAIL_FORMAT = _rule(
    "person.email.format",
    ERROR,
    "电子邮箱格式不正确。",
    "The email address is not valid.",
    "请填写能收到工信部通知的邮箱。",
    "Give a mailbox that can receive MIIT notices.",
    "§5.3",
    "firm",
    "EMAIL_INVALID",
)
CONTACTS_SHARED = _rule(
    "person.contacts.shared",
    ERROR,
    "不同负责人不能使用相同的联系方式（与 {other} 相同）。",
    "Different principals cannot share contacts (same as {other}).",
    "每位负责人使用本人的手机号码和邮箱。",
    "Give each principal his or her own mobile and email.",
    "§5.3",
    "firm",
    "CONTACTS_DUPLICATED",
)
LANDLINE_FORMAT = _rule(
    "phone.landline.format",
    ERROR,
    "不是有效的中国大陆固定电话号码。",
    "Not a valid mainland landline number.",
    "请带区号填写，如 010-12345678。",
    "Include the area code, e.g. 010-12345678.",
    "§5.3",
    "varies",
    "PHONE_UNREACHABLE",
)

# --- website name (§5.5) ----------------------------------------------------------------------
SITE_NAME_TOO_FEW_CHINESE = _rule(
    "website.name.too_few_chinese",
    ERROR,
    "网站名称至少需要 {min} 个汉字。",
    "A website name needs at least {min} Chinese characters.",
    "用能概括网站内容的中文命名。",
    "Use a Chinese name that describes the site's content.",
    "§5.5",
    "firm",
    "SITE_NAME_INVALID",
)
SITE_NAME_PURE_DIGITS = _rule(
    "website.name.pure_digits",
    ERROR,
    "网站名称不能全是数字。",
    "A website name cannot be digits only.",
    "用能概括网站内容的中文命名。",
    "Use a Chinese name that describes the site's content.",
    "§5.5",
    "firm",
    "SITE_NAME_INVALID",
)
SITE_NAME_PURE_LATIN = _rule(
    "website.name.pure_latin",
    ERROR,
    "网站名称不能全是英文字母。",
    "A website name cannot be Latin letters only.",
    "用能概括网站内容的中文命名。",
    "Use a Chinese name that describes the site's content.",
    "§5.5",
    "firm",
    "SITE_NAME_INVALID",
)
SITE_NAME_SPECIAL_SYMBOLS = _rule(
    "website.name.special_symbols",
    ERROR,
    "网站名称不能包含特殊符号（{symbols}）。",
    "A website name cannot contain special symbols ({symbols}).",
    "删除名称中的符号。",
    "Remove the symbols.",
    "§5.5",
    "firm",
    "SITE_NAME_INVALID",
)
SITE_NAME_IS_DOMAIN = _rule(
    "website.name.is_domain",
    ERROR,
    "网站名称不能是域名。",
    "A website name cannot be a domain name.",
    "用能概括网站内容的中文命名。",
    "Use a Chinese name that describes the site's content.",
    "§5.5",
    "firm",
    "SITE_NAME_INVALID",
)
SITE_NAME_NATIONAL_PREFIX = _rule(
    "website.name.national_prefix",
    ERROR,
    "网站名称不能包含“{words}”等国家级字样。",
    "A website name cannot contain national-level words such as '{words}'.",
    "删除这些字样；国家级单位须提供证明材料。",
    "Remove them; genuinely national units must prove it with documents.",
    "§5.5",
    "firm",
    "SITE_NAME_BANNED_WORD",
)
SITE_NAME_STATE_FUNCTION = _rule(
    "website.name.state_function_word",
    ERROR,
    "网站名称不能包含“{words}”等国家职能字样。",
    "A website name cannot contain state-function words such as '{words}'.",
    "删除这些字样。",
    "Remove them.",
    "§5.5",
    "firm",
    "SITE_NAME_BANNED_WORD",
)
SITE_NAME_PUBLIC_INTEREST = _rule(
    "website.name.public_interest_word",
    ERROR,
    "网站名称不能包含“{words}”等公共利益字样。",
    "A website name cannot contain public-interest words such as '{words}'.",
    "删除这些字样。",
    "Remove them.",
    "§5.5",
    "firm",
    "SITE_NAME_BANNED_WORD",
)
SITE_NAME_RESERVED_NEEDS_PROOF = _rule(
    "website.name.reserved_word_needs_proof",
    WARNING,
    "网站名称包含“{words}”，须提供国家级单位的证明材料。",
    "The website name contains '{words}', which needs documents proving a national-level unit.",
    "上传证明材料，或删除这些字样。",
    "Upload the proof, or remove the words.",
    "§5.5",
    "firm",
    "SITE_NAME_BANNED_WORD",
)
SITE_NAME_SENSITIVE = _rule(
    "website.name.sensitive_word",
    ERROR,
    "网站名称包含敏感词“{words}”。",
    "The website name contains sensitive words ('{words}').",
    "删除敏感词。",
    "Remove the sensitive words.",
    "§5.5",
    "firm",
    "SITE_NAME_BANNED_WORD",
)
SITE_NAME_EXAGGERATION = _rule(
    "website.name.exaggeration",
    WARNING,
    "网站名称含有夸大用语“{words}”，可能被驳回。",
    "The website name contains exaggerations ('{words}') that are often rejected.",
    "建议删除夸大用语。",
    "Consider removing them.",
    "§5.5",
    "unverified",
    "SITE_NAME_BANNED_WORD",
)
SITE_NAME_PERSONAL_RESTRICTED = _rule(
    "website.name.personal_restricted_word",
    WARNING,
    "个人网站名称含有“{words}”，可能超出个人范围，需人工审核。",
    "A personal site name containing '{words}' may exceed personal scope; a reviewer will check it.",
    "建议围绕个人兴趣或笔记命名，如“某某的学习笔记”。",
    "Prefer a name about a hobby or notes, e.g. 'X's study notes'.",
    "§5.5",
    "varies",
    "PERSONAL_SCOPE_EXCEEDED",
)
SITE_NAME_INTERACTIVE = _rule(
    "website.name.interactive_word",
    WARNING,
    "网站名称含有“{words}”等交互服务字样，可能需要前置审批。",
    "The website name suggests interactive services ('{words}'), which may need a pre-approval.",
    "提供相应前置审批，或修改名称。",
    "Supply the pre-approval, or rename the site.",
    "§5.5",
    "varies",
    "PREAPPROVAL_REQUIRED",
    variants={
        "individual": Wording(
            "个人网站名称含有“{words}”等交互服务字样；交互服务需要前置审批，个人无法办理。",
            "A personal site name suggesting interactive services ('{words}') needs a pre-approval, which "
            "individuals cannot hold.",
            "修改名称；交互服务须以单位名义备案并办理前置审批。",
            "Rename the site; interactive services must be filed by an organisation with the pre-approval.",
        )
    },
)
SITE_NAME_FINANCE = _rule(
    "website.name.finance_keyword",
    WARNING,
    "网站名称含有金融类字样“{words}”，须提供金融业务许可或备案。",
    "The website name has finance words ('{words}'), which need a finance licence or filing.",
    "提供互联网金融前置审批，或修改名称。",
    "Supply the internet-finance pre-approval, or rename the site.",
    "§5.6",
    "varies",
    "PREAPPROVAL_REQUIRED",
)
SITE_NAME_NOT_RELATED = _rule(
    "website.name.not_related_to_subject",
    WARNING,
    "网站名称与单位名称“{subject_name}”看不出关联。",
    "The website name shows no relation to the organisation name '{subject_name}'.",
    "建议使用单位全称或简称；品牌名请在备注中说明或提供商标证书。",
    "Prefer the unit's full name or abbreviation; explain a brand in the remark or add a trademark certificate.",
    "§5.5",
    "firm",
    "SITE_NAME_NOT_RELATED",
)

# --- service content, pre-approval, language, remark (§5.6) -----------------------------------
SERVICE_CONTENT_UNKNOWN = _rule(
    "website.service_content.unknown",
    ERROR,
    "未知的服务内容“{content}”。",
    "Unknown service content '{content}'.",
    "请从列表中选择服务内容。",
    "Choose service contents from the list.",
    "§5.6",
    "firm",
    "SERVICE_CONTENT_WRONG",
)
SERVICE_CONTENT_NOT_FOR_INDIVIDUALS = _rule(
    "website.service_content.not_for_individuals",
    ERROR,
    "个人网站不能选择服务内容“{content}”。",
    "A personal site cannot select service content '{content}'.",
    "个人网站只能选择“博客/个人空间”或“其他”（并在备注中说明）。",
    "Personal sites choose 'blog / personal space' or 'other' (and describe it in the remark).",
    "§5.6",
    "firm",
    "SERVICE_CONTENT_WRONG",
)
PRE_APPROVAL_UNKNOWN = _rule(
    "website.pre_approval.unknown",
    ERROR,
    "未知的前置审批项“{item}”。",
    "Unknown pre-approval item '{item}'.",
    "请从列表中选择前置审批项。",
    "Choose pre-approval items from the list.",
    "§5.6",
    "firm",
    "PREAPPROVAL_INVALID",
)
PRE_APPROVAL_NOT_FOR_NATURE = _rule(
    "website.pre_approval.not_for_individuals",
    ERROR,
    "个人不能办理前置审批项“{item}”。",
    "Individuals cannot hold the pre-approval '{item}'.",
    "删除前置审批；涉及这些内容请以单位名义备案。",
    "Remove it; content needing it must be filed by an organisation.",
    "§5.6",
    "firm",
    "PERSONAL_SCOPE_EXCEEDED",
)
PRE_APPROVAL_NUMBER_MISSING = _rule(
    "website.pre_approval.number_missing",
    ERROR,
    "前置审批项“{item}”缺少审批文号。",
    "Pre-approval '{item}' has no approval number.",
    "填写审批文件上的文号。",
    "Enter the number printed on the approval document.",
    "§5.6",
    "firm",
    "PREAPPROVAL_INVALID",
)
PRE_APPROVAL_NONE_WITH_ITEMS = _rule(
    "website.pre_approval.none_with_items",
    ERROR,
    "已选择“{none_option}”，不能再选择其他前置审批项。",
    "'{none_option}' cannot be combined with other pre-approval items.",
    "二者只能选其一。",
    "Choose one or the other.",
    "§5.6",
    "firm",
    "PREAPPROVAL_INVALID",
)
SERVICE_CONTENT_FINANCE = _rule(
    "website.service_content.finance_needs_pre_approval",
    WARNING,
    "服务内容“{content}”属于金融类（{words}），须提供金融业务许可或备案。",
    "The service content '{content}' is financial (its Chinese name contains '{words}') and needs a finance "
    "licence or filing.",
    "提供互联网金融前置审批，或取消该服务内容。",
    "Supply the internet-finance pre-approval, or deselect this service content.",
    "§5.6",
    "varies",
    "PREAPPROVAL_REQUIRED",
)
LANGUAGE_UNKNOWN = _rule(
    "website.language.unknown",
    ERROR,
    "未知的网站语言“{language}”。",
    "Unknown site language '{language}'.",
    "请从列表中选择网站语言。",
    "Choose languages from the list.",
    "§5.6",
    "firm",
    "LANGUAGE_MISMATCH",
)
REMARK_TOO_SHORT = _rule(
    "website.remark.too_short",
    WARNING,
    "个人网站备注需说明网站实际内容（至少 {min} 个字）。",
    "A personal site's remark must describe its real content (at least {min} characters).",
    "写明网站的实际内容，以及省份要求的声明。",
    "Describe what the site really contains, plus any declaration the province asks for.",
    "§5.6",
    "varies",
    "REMARK_INSUFFICIENT",
)
REMARK_TOO_LONG = _rule(
    "website.remark.too_long",
    ERROR,
    "备注最多 {max} 个字（当前 {length}）。",
    "The remark can have at most {max} characters (it has {length}).",
    "请精简备注。",
    "Shorten the remark.",
    "§5.6",
    "varies",
    "REMARK_INSUFFICIENT",
)

# --- domains (§0, §5.7, §6) -------------------------------------------------------------------
DOMAIN_SYNTAX = _rule(
    "website.domain.syntax",
    ERROR,
    "“{domain}”不是有效的域名。",
    "'{domain}' is not a valid domain name.",
    "只填写域名本身，如 example.com，不要带 http:// 或路径。",
    "Enter only the domain, e.g. example.com, without http:// or a path.",
    "§6.3",
    "firm",
)
DOMAIN_IDN = _rule(
    "website.domain.idn",
    ERROR,
    "中文域名“{domain}”无法转换为 Punycode。",
    "The internationalised domain '{domain}' cannot be converted to Punycode.",
    "请核对中文域名的拼写。",
    "Check the spelling of the internationalised domain.",
    "§6.3",
    "firm",
)
DOMAIN_TLD_NOT_APPROVED = _rule(
    "website.domain.tld_not_approved",
    ERROR,
    "域名后缀“.{suffix}”未获工信部批复，不能备案。",
    "The suffix '.{suffix}' is not approved by MIIT and cannot be filed.",
    "请使用工信部批复的域名后缀（见工信部域名信息公示）。",
    "Use a suffix on MIIT's approved list (MIIT domain-industry disclosure).",
    "§6.4",
    "firm",
    "DOMAIN_TLD_NOT_APPROVED",
)
DOMAIN_TLD_UNVERIFIED = _rule(
    "website.domain.tld_unverified",
    WARNING,
    "域名后缀“.{suffix}”据报道已可备案，但尚未核实。",
    "The suffix '.{suffix}' is reported fileable but not confirmed.",
    "审核员将对照工信部最新名单确认。",
    "A reviewer will confirm it against MIIT's current list.",
    "§6.4",
    "unverified",
    "DOMAIN_TLD_NOT_APPROVED",
)
DOMAIN_SUBDOMAIN = _rule(
    "website.domain.subdomain",
    ERROR,
    "“{domain}”是子域名，只能备案主域名“{main_domain}”。",
    "'{domain}' is a subdomain; only the main domain '{main_domain}' can be filed.",
    "请填写主域名；子域名在主域名备案后即可使用。",
    "Enter the main domain; its subdomains are covered once it is filed.",
    "§6.3",
    "firm",
)
DOMAIN_WWW_NORMALISED = _rule(
    "website.domain.www_normalised",
    INFO,
    "已去掉“www.”，备案的是主域名“{main_domain}”。",
    "Removed 'www.': the main domain '{main_domain}' is what gets filed.",
    "无需操作。",
    "Nothing to do.",
    "§6.3",
    "firm",
)
DOMAIN_EXTRA_ON_NEW_FILING = _rule(
    "website.domain.extra_on_new_filing",
    ERROR,
    "首次备案和新增网站时每个网站只能填写 {limit} 个域名。",
    "First filings and new websites may list only {limit} domain(s) per website.",
    "其他域名请作为单独的网站备案。",
    "File each further domain as its own website.",
    "§0",
    "firm",
    "DOMAIN_COUNT_EXCEEDED",
)
DOMAIN_DUPLICATED_IN_ORDER = _rule(
    "website.domain.duplicated_in_order",
    ERROR,
    "域名“{domain}”已填写在 {other}。",
    "The domain '{domain}' is already listed at {other}.",
    "一个域名只能属于一个网站。",
    "A domain belongs to one website only.",
    "§12",
    "firm",
    "DOMAIN_COUNT_EXCEEDED",
)
DOMAIN_SAME_MAIN_DOMAIN_IN_ORDER = _rule(
    "website.domain.same_main_domain_in_order",
    ERROR,
    "域名“{domain}”与 {other} 属于同一主域名“{main_domain}”。",
    "The domain '{domain}' has the same main domain '{main_domain}' as {other}.",
    "一个主域名只能备案为一个网站；子域名在主域名备案后即可使用。",
    "A main domain is filed as one website only; its subdomains are covered once it is filed.",
    "§6.3",
    "firm",
    "DOMAIN_COUNT_EXCEEDED",
)
DOMAIN_FILED_BY_OTHER_SUBJECT = _rule(
    "website.domain.filed_by_other_subject",
    ERROR,
    "域名“{domain}”已在其他主体名下备案。",
    "The domain '{domain}' is already filed under another subject.",
    "先由原主体注销或办理网站迁移。",
    "The other subject must cancel it first, or use a website migration.",
    "§1",
    "firm",
    "DOMAIN_ALREADY_FILED",
)
DOMAIN_REGISTRANT_MISMATCH = _rule(
    "website.domain.registrant_mismatch",
    ERROR,
    "域名持有者“{registrant}”与备案主体“{subject_name}”不一致。",
    "The domain holder '{registrant}' is not the filing subject '{subject_name}'.",
    "将域名过户到备案主体名下并完成实名认证。",
    "Transfer the domain to the subject and redo real-name verification.",
    "§6.1",
    "firm",
    "DOMAIN_OWNER_MISMATCH",
)
DOMAIN_REGISTRANT_IS_PRINCIPAL = _rule(
    "website.domain.registrant_is_principal",
    WARNING,
    "域名持有者是负责人“{registrant}”而不是单位本身。",
    "The domain is held by the principal '{registrant}', not by the organisation itself.",
    "部分省份要求域名持有者为单位本身，建议过户。",
    "Some provinces require the organisation itself as holder; consider transferring it.",
    "§6.1",
    "varies",
    "DOMAIN_OWNER_MISMATCH",
)
DOMAIN_NOT_VERIFIED = _rule(
    "website.domain.not_verified",
    ERROR,
    "域名尚未完成实名认证。",
    "The domain has not passed real-name verification.",
    "在注册商处完成实名认证，并等待约 {sync_days} 个工作日同步至工信部。",
    "Complete real-name verification at the registrar and allow about {sync_days} working days for MIIT to sync.",
    "§6.1",
    "firm",
    "DOMAIN_NOT_VERIFIED",
)
DOMAIN_EXPIRED = _rule(
    "website.domain.expired",
    ERROR,
    "域名已于 {expires_on} 到期。",
    "The domain expired on {expires_on}.",
    "请先续费域名。",
    "Renew the domain first.",
    "§6.1",
    "firm",
    "DOMAIN_EXPIRED_OR_SHORT",
)
DOMAIN_EXPIRES_SOON = _rule(
    "website.domain.expires_soon",
    ERROR,
    "域名剩余有效期 {days} 天，少于要求的 {min_days} 天。",
    "The domain has {days} days left, fewer than the required {min_days}.",
    "请续费域名后再提交。",
    "Renew the domain before submitting.",
    "§6.2",
    "varies",
    "DOMAIN_EXPIRED_OR_SHORT",
)


# --- materials: uploads and the automated checks of uploaded files (§4, §9) -------------------
# The checks live in beian/materials/checks; they build their findings from these rules.
_REVIEWER_WILL_CHECK_ZH = "无需操作，审核员会人工核对该项。"
_REVIEWER_WILL_CHECK_EN = "Nothing to do: a reviewer checks this item by hand."

MATERIAL_MISSING = _rule(
    "material.missing",
    ERROR,
    "缺少材料：{label}",
    "Missing material: {label}",
    "请在“上传材料”一步上传。",
    "Upload it in the materials step.",
    "§4",
    "firm",
    "DOC_MISSING",
)
MATERIAL_CHECK_PENDING = _rule(
    "material.check.pending",
    ERROR,
    "正在检查材料：{label}",
    "Still checking the material: {label}",
    "自动检查通常在一分钟内完成，完成后即可提交；页面会自动更新。",
    "The automated check usually finishes within a minute; you can submit once it has. The page updates by itself.",
    "§4",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_CHECK_FAILED = _rule(
    "material.check.failed",
    ERROR,
    "材料的自动检查未能完成：{label}",
    "The automated check of this material could not finish: {label}",
    "请重新上传该材料；如仍无法完成，请联系客服。",
    "Upload the material again; if the check still cannot finish, contact support.",
    "§4",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_EMPTY = _rule(
    "material.upload.empty",
    ERROR,
    "上传的文件为空。",
    "The uploaded file is empty.",
    "请重新选择文件上传。",
    "Choose the file again and upload it.",
    "§4.2",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_TOO_LARGE = _rule(
    "material.upload.too_large",
    ERROR,
    "文件大小 {size} 超过上限 {limit}。",
    "The file is {size}, above the limit of {limit}.",
    "请压缩或重新拍摄，使文件不超过 {limit}。",
    "Compress or retake the picture so that it is at most {limit}.",
    "§4.2",
    "varies",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_UNRECOGNISED = _rule(
    "material.upload.unrecognised",
    ERROR,
    "文件内容不是可识别的图片或文档，仅接受 {allowed}。",
    "The file's content is not a recognised image or document; only {allowed} is accepted.",
    "请上传 {allowed} 格式的原始文件（修改扩展名无效）。",
    "Upload the original file in {allowed} format (renaming it does not help).",
    "§4.2",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_TYPE_NOT_ALLOWED = _rule(
    "material.upload.type_not_allowed",
    ERROR,
    "文件实际格式为 {detected}，仅接受 {allowed}。",
    "The file is actually {detected}; only {allowed} is accepted.",
    "请另存为 {allowed} 后上传（修改扩展名无效）。",
    "Save it as {allowed} and upload again (renaming it does not help).",
    "§4.2",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_TOO_MANY_PIXELS = _rule(
    "material.upload.too_many_pixels",
    ERROR,
    "图片尺寸为 {width}×{height} 像素，超过 {max_pixels:,} 像素的处理上限。",
    "The image declares {width}×{height} pixels, above the processing limit of {max_pixels:,} pixels.",
    "请上传正常拍摄或扫描的图片。",
    "Upload a normally taken photo or scan.",
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_TOO_WIDE = _rule(
    "material.upload.too_wide",
    ERROR,
    "图片尺寸为 {width}×{height} 像素，单边超过 {max_side} 像素的处理上限。",
    "The image declares {width}×{height} pixels; a side above {max_side} pixels is beyond the processing limit.",
    "请上传正常拍摄或扫描的图片。",
    "Upload a normally taken photo or scan.",
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_TRUNCATED = _rule(
    "material.upload.truncated",
    ERROR,
    "{format} 文件不完整（缺少结束标记），可能上传中断。",
    "The {format} file is incomplete (no end marker); the upload may have been cut off.",
    "请重新上传完整的文件。",
    "Upload the complete file again.",
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_TRAILING_DATA = _rule(
    "material.upload.trailing_data",
    ERROR,
    "{format} 文件结束标记后还附带了 {extra_bytes} 字节的其他数据，不予接受。",
    "The {format} file carries {extra_bytes} bytes of other data after its end marker and is refused.",
    "请用图片编辑器或系统相册“另存为”后重新上传。",
    "Re-save the file with an image editor or the photo app and upload it again.",
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_CORRUPT = _rule(
    "material.upload.corrupt",
    ERROR,
    "{format} 文件已损坏，无法解码。",
    "The {format} file is damaged and cannot be decoded.",
    "请重新拍摄或另存为后上传。",
    "Retake or re-save the picture and upload it again.",
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_PDF_UNINSPECTABLE = _rule(
    "material.upload.pdf_uninspectable",
    ERROR,
    "无法检查该PDF的内容（{reason}）。",
    "The PDF's content cannot be inspected ({reason}).",
    "请上传未加密的普通PDF，或上传签字页的照片/扫描图片。",
    "Upload a plain, unencrypted PDF, or a photo/scan of the signed page.",
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UPLOAD_PDF_ACTIVE_CONTENT = _rule(
    "material.upload.pdf_active_content",
    ERROR,
    "PDF包含脚本、附件或外部动作（{listed}），不予接受。",
    "The PDF contains scripts, attachments or external actions ({listed}) and is refused.",
    "请用“打印为PDF”重新生成，或上传扫描图片。",
    'Re-create it with "print to PDF", or upload a scanned image.',
    "product",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_PDF_UNCHECKED = _rule(
    "material.pdf.unchecked",
    WARNING,
    "该材料为PDF，未做图片质量和文字识别检查，将由人工审核。",
    "This material is a PDF, so image quality and OCR checks did not run; a reviewer will check it.",
    _REVIEWER_WILL_CHECK_ZH,
    _REVIEWER_WILL_CHECK_EN,
    "§4.2",
    "provider",
)
MATERIAL_RESOLUTION = _rule(
    "material.resolution",
    ERROR,
    "图片分辨率为 {width}×{height}，短边 {short_side_px} 像素，低于要求的 {min_short_side_px} 像素。",
    "The image is {width}×{height}; its short side of {short_side_px} px is below the required {min_short_side_px} px.",
    "请上传原图（不要截图或压缩），短边不少于 {min_short_side_px} 像素。",
    "Upload the original picture (no screenshot or compression) with a short side of at least {min_short_side_px} px.",
    "§4.2",
    "varies",
    "DOC_UNCLEAR",
)
MATERIAL_BLUR = _rule(
    "material.blur",
    WARNING,
    "图片模糊：清晰度 {sharpness:.0f}，低于要求的 {min_sharpness:.0f}。",
    "The image is blurred: sharpness {sharpness:.0f} is below the required {min_sharpness:.0f}.",
    "请在光线充足处对焦后重新拍摄，保持手机稳定，文字应清晰可辨。",
    "Retake the photo in good light, focused and held steady, so that all text is legible.",
    "§4.2",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_OVEREXPOSED = _rule(
    "material.overexposed",
    WARNING,
    "图片过曝：{clipped} 的像素为纯白（上限 {limit}），最暗的文字灰度仅 {shadow_level}（应低于 {max_shadow_level}）。",
    "The image is overexposed: {clipped} of the pixels are pure white (limit {limit}) and the darkest text is only "
    "grey level {shadow_level} (should be below {max_shadow_level}).",
    "请避免强光直射和闪光灯反光，重新拍摄。",
    "Avoid direct light and flash glare, and retake the photo.",
    "§4.2",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_UNDEREXPOSED = _rule(
    "material.underexposed",
    WARNING,
    "图片过暗：最亮部分的灰度仅 {highlight_level}（应不低于 {min_highlight_level}），{dark_clipped:.0%} 的像素为纯黑。",
    "The image is underexposed: its brightest tone is only grey level {highlight_level} (should be at least "
    "{min_highlight_level}); {dark_clipped:.0%} of the pixels are pure black.",
    "请在光线充足处重新拍摄。",
    "Retake the photo in good light.",
    "§4.2",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_GREYSCALE = _rule(
    "material.greyscale",
    ERROR,
    "图片为黑白或灰度（彩色像素仅占 {measured}，应不少于 {limit}），要求彩色原件。",
    "The image is black-and-white or greyscale ({measured} coloured pixels, at least {limit} expected); a colour "
    "original is required.",
    "请上传证件原件的彩色照片或彩色扫描件，不要上传复印件或黑白扫描件。",
    "Upload a colour photo or colour scan of the original document, not a photocopy or b/w scan.",
    "§4.2",
    "firm",
    "DOC_NOT_ORIGINAL",
)
MATERIAL_FACE_NONE = _rule(
    "material.face.none",
    ERROR,
    "照片中未检测到正面人脸。",
    "No frontal face was found in the photo.",
    "请正对镜头、露出完整面部（不戴帽子、口罩或墨镜），在光线充足处重新拍摄。",
    "Face the camera with the whole face visible (no hat, mask or sunglasses) in good light, and retake the photo.",
    "§4.3",
    "firm",
    "BACKDROP_PHOTO_INVALID",
)
MATERIAL_FACE_MULTIPLE = _rule(
    "material.face.multiple",
    ERROR,
    "照片中检测到 {faces} 张人脸，应只有网站负责人本人 1 张。",
    "{faces} faces were found in the photo; only the website principal (1 face) may appear.",
    "请单独拍摄，背景中不要出现其他人或人像。",
    "Take the photo alone, with no other people or portraits in the background.",
    "§4.3",
    "firm",
    "BACKDROP_PHOTO_INVALID",
)
_CHECK_NOT_RUN = (
    "{check}未能运行（{error}），该项将由人工审核。",
    "The {check} check could not run ({error}); a reviewer will check this item.",
)
MATERIAL_FACE_UNCHECKED = _rule(
    "material.face.unchecked",
    WARNING,
    *_CHECK_NOT_RUN,
    _REVIEWER_WILL_CHECK_ZH,
    _REVIEWER_WILL_CHECK_EN,
    "§4",
    "provider",
)
MATERIAL_OCR_UNAVAILABLE = _rule(
    "material.ocr.unavailable",
    WARNING,
    *_CHECK_NOT_RUN,
    _REVIEWER_WILL_CHECK_ZH,
    _REVIEWER_WILL_CHECK_EN,
    "§4",
    "provider",
)
MATERIAL_FORM_UNSIGNED = _rule(
    "material.form.unsigned",
    ERROR,
    "“网站负责人签字”栏为空白（笔迹占比 {ink:.2%}，应不少于 {min_ink:.1%}）。",
    "The signature box is blank (ink covers {ink:.2%}, at least {min_ink:.1%} expected).",
    "请由网站负责人在签字栏内亲笔签名后重新拍照上传。",
    "Have the website principal sign by hand inside the signature box, then upload a new photo.",
    "§4.1",
    "firm",
    "DOC_MISSING",
    variants={
        "pdf": Wording(
            "上传的核验单PDF没有扫描页、手写签名批注或数字签名，与系统生成的空白核验单相同。",
            "The uploaded form PDF has no scanned page, handwritten signature annotation or digital signature; it is "
            "the blank generated form.",
            "请打印核验单，由网站负责人签字（单位加盖公章）后拍照或扫描上传。",
            "Print the form, have the website principal sign it (organisations also stamp it), then upload a photo or "
            "scan.",
        )
    },
)
MATERIAL_FORM_TITLE_MISSING = _rule(
    "material.form.title_missing",
    WARNING,
    "图片中未识别到标题“{title}”，可能不是核验单或拍摄不完整。",
    'The title "{title}" was not found in the image; it may not be the form, or the photo is incomplete.',
    "请上传完整的核验单照片，标题和签字处都要清晰可见。",
    "Upload a photo of the whole form with the title and the signature area clearly visible.",
    "§4.1",
    "provider",
    "DOC_MISSING",
)
MATERIAL_FORM_SIGNATURE_BOX_NOT_FOUND = _rule(
    "material.form.signature_box_not_found",
    WARNING,
    "图片中未识别到“{label}”栏，未能自动检查签字，将由人工审核。",
    'The "{label}" (signature) box was not found, so the signature was not checked automatically; a reviewer will '
    "check it.",
    "请正面拍摄完整的核验单，签字栏清晰可见。",
    "Photograph the whole form head-on with the signature box clearly visible.",
    "§4.1",
    "provider",
    "DOC_UNCLEAR",
)
MATERIAL_FORM_UNCHECKED = _rule(
    "material.form.unchecked",
    WARNING,
    "未能自动检查核验单的签字（{reason}），将由人工审核。",
    "The form's signature could not be checked automatically ({reason}); a reviewer will check it.",
    _REVIEWER_WILL_CHECK_ZH,
    _REVIEWER_WILL_CHECK_EN,
    "§4.1",
    "provider",
)
# OCR cross-checks (§9): one mismatch and one unreadable code per compared value; {label} is the
# value (e.g. 统一社会信用代码) and {document} the certificate it is read from (e.g. 营业执照).
OCR_COMPARED = (
    ("uscc", "CERT_NUMBER_MISMATCH"),
    ("org_name", "SUBJECT_NAME_MISMATCH"),
    ("id_number", "CERT_NUMBER_MISMATCH"),
    ("person_name", "OTHER"),
    ("valid_until", "OTHER"),
)
for _stem, _prevents in OCR_COMPARED:
    _rule(
        f"material.ocr.{_stem}_mismatch",
        ERROR,
        "{document}上的{label}“{read}”与填写的“{entered}”不一致。",
        'The {label} on the {document}, "{read}", differs from the one entered, "{entered}".',
        "请核对填写的{label}，或上传与所填信息一致的{document}。",
        "Check the {label} you entered, or upload the {document} that matches it.",
        "§9",
        "firm",
        _prevents,
    )
    _rule(
        f"material.ocr.{_stem}_unreadable",
        WARNING,
        "未能从{document}图片中识别出{label}，无法自动核对，将由人工审核。",
        "The {label} could not be read from the {document} image, so it was not checked automatically; a reviewer "
        "will check it.",
        "请上传完整、清晰、无遮挡的{document}原件照片。",
        "Upload a complete, sharp and unobstructed photo of the original {document}.",
        "§9",
        "provider",
        "DOC_UNCLEAR",
    )
# The verification form against this order (§4.1): one mismatch and one unreadable code per row
# compared; {label} is the row as printed on the form (e.g. 网站域名).
FORM_COMPARED = ("order_reference", "subject_name", "domain", "website_principal_name", "access_provider")
for _stem in FORM_COMPARED:
    _rule(
        f"material.form.{_stem}_mismatch",
        ERROR,
        "核验单上的{label}“{read}”与本订单的“{wanted}”不一致，可能是其他订单的核验单。",
        'The {label} on the form, "{read}", differs from this order\'s, "{wanted}"; it may be the form of another '
        "order.",
        "请下载本订单的核验单，签字后重新上传。",
        "Download this order's form, sign it and upload it again.",
        "§4.1",
        "provider",
        "DOC_MISSING",
    )
    _rule(
        f"material.form.{_stem}_unreadable",
        WARNING,
        "未能从核验单图片中识别出{label}，无法自动核对是否为本订单的核验单，将由人工审核。",
        "The {label} could not be read from the form, so it was not checked automatically that the form is this "
        "order's; a reviewer will check it.",
        "请正面拍摄完整、清晰的核验单。",
        "Photograph the whole form head-on and sharply.",
        "§4.1",
        "provider",
        "DOC_UNCLEAR",
    )
MATERIAL_OCR_NOT_COMPARED = _rule(
    "material.ocr.not_compared",
    INFO,
    "尚未填写{label}，未与{document}核对。",
    "No {label} was entered, so the {document} was not compared.",
    "填写{label}后重新上传{document}，即可自动核对。",
    "Enter the {label}, then upload the {document} again to have it compared.",
    "§9",
    "provider",
)
