/* Checklist progress saved in the browser; onboarding dates and calendar export. */
