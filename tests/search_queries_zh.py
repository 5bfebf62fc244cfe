"""What newcomers type into the Chinese edition's search, and the page or section each query must lead to.

The locations are the English edition's (every edition has the same pages at the same paths); the queries are the
words a Chinese office worker types: the field's own terms, everyday words and short task phrases."""

from search_queries import (ARCHIVE, BRIBES, BUYING, DIARY, FILINGS, FIRST_DAYS, LETTERS_AND_VISITS, MINUTES,
                            PRINTING, SEAL, TRIPS, VISITORS, WARRANTY, Case, EVERYDAY, NOT_COVERED, PHRASE, ROLE,
                            SYNONYM, checklist, conduct_rule, duty, pitfall, plan, principle, requirement, role, term,
                            worked_case)

HIRING_ZH = ("hr/", *(f"hr/adverts/{id}/" for id in ("general-assistant", "executive-secretary", "office-director",
                                                     "enterprise-management-assistant", "strategic-assistant",
                                                     "administrative-officer")), term("job-description"),
             "roles/", "manager/#downloads")

CASES = [
    # The field's own terms.
    Case("公章", EVERYDAY, SEAL),
    Case("用印", SYNONYM, SEAL),
    Case("介绍信", EVERYDAY, (term("letter-of-introduction"), *SEAL)),
    Case("三家比价", EVERYDAY, (term("three-quotes"), checklist("procurement"))),
    Case("会议纪要", EVERYDAY, MINUTES),
    Case("信访", EVERYDAY, LETTERS_AND_VISITS),
    Case("投诉", SYNONYM, LETTERS_AND_VISITS),
    Case("年检", EVERYDAY, (term("annual-inspection"), *FILINGS)),
    Case("督办", EVERYDAY, (duty("supervise-execution"), duty("resolutions-and-decisions"), term("minutes"),
                          duty("meeting-minutes"))),
    Case("值班表", EVERYDAY, (term("duty-roster"), duty("office-rules"))),
    Case("劳保用品", EVERYDAY, (term("labour-protection-supplies"), *BUYING)),
    Case("大事记", EVERYDAY, (duty("major-events-record"), term("major-events-record"))),
    Case("来电登记", EVERYDAY, (duty("call-log"), term("call-log"))),
    Case("廉洁从业", EVERYDAY, BRIBES),
    Case("回扣", SYNONYM, BRIBES),
    Case("党委", EVERYDAY, (term("party-committee"),)),
    Case("上级单位", EVERYDAY, (term("superior-organisation"),)),
    Case("大象订单", EVERYDAY, (worked_case("elephant-order"), term("elephant-order"))),
    Case("岗位说明书", EVERYDAY, HIRING_ZH),
    # Everyday words.
    Case("采购", EVERYDAY, BUYING),
    Case("出差", EVERYDAY, TRIPS),
    Case("日程", EVERYDAY, DIARY),
    Case("接待", EVERYDAY, VISITORS),
    Case("归档", EVERYDAY, ARCHIVE),
    Case("保修", EVERYDAY, WARRANTY),
    Case("印刷", EVERYDAY, PRINTING),
    Case("聚餐", EVERYDAY, (checklist("team-dinner"), worked_case("colleague-dinner"), duty("event-logistics"))),
    Case("招聘", SYNONYM, HIRING_ZH),
    Case("面试", EVERYDAY, (*(f"hr/interviews/{id}/" for id in ("general-assistant", "executive-secretary",
                                                                "office-director", "enterprise-management-assistant",
                                                                "strategic-assistant", "administrative-officer")),
                            "hr/")),
    Case("入职计划", EVERYDAY, FIRST_DAYS),
    Case("打小报告", SYNONYM, (conduct_rule("no-tattling"),)),
    Case("供应商", EVERYDAY, (*BUYING, pitfall("cosy-with-suppliers"), term("three-quotes"))),
    # Role names.
    Case("总经理秘书", ROLE, (role("executive-secretary"), checklist("first-week-executive-secretary"),
                         plan("onboarding-executive-secretary"), "start/executive-secretary/")),
    Case("行政专员", ROLE, (role("administrative-officer"), checklist("first-week-administrative-officer"),
                        plan("onboarding-administrative-officer"), "start/administrative-officer/")),
    Case("办公室主任", ROLE, (role("office-director"), checklist("first-week-office-director"),
                         plan("onboarding-office-director"), "start/office-director/")),
    # Task phrases.
    Case("怎么写会议纪要", PHRASE, MINUTES),
    Case("订酒店", PHRASE, (*TRIPS, duty("guest-logistics"), checklist("guest-reception-and-events"))),
    Case("不要越位", PHRASE, (principle("know-your-position"),)),
    # Not covered: no answer, and no first results that look like one.
    Case("股票期权", NOT_COVERED, ()),
    Case("专利申请", NOT_COVERED, ()),
]

KNOWN_MISSES: dict[str, str] = {}
