// The profile template of the Firefox sessions of tests/engines/ (geckodriver copies it for each session).
user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);
