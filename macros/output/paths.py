"""Where each file the site offers for download sits in the built site: one place for writers, links and tests."""

HANDBOOK_PDF = "downloads/handbook.pdf"
JSON_DOWNLOAD = "downloads/handbook.json"
CSV_DOWNLOAD = "downloads/handbook.csv"


def job_description_pdf(role_id: str) -> str:
    """Where a role's job-description PDF sits in the site."""
    return f"downloads/job-description-{role_id}.pdf"


def advert_pdf(role_id: str) -> str:
    """Where a role's one-page job-advert PDF sits in the site."""
    return f"downloads/advert-{role_id}.pdf"


def interview_kit_pdf(role_id: str) -> str:
    """Where a role's interview-kit PDF (questions and scoring sheet) sits in the site."""
    return f"downloads/interview-kit-{role_id}.pdf"
