import { render } from 'preact';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import { defaultSettings, readSettings, SETTINGS_KEY } from '@/src/settings/settings';
import { uiLanguage, useLanguage } from '@/src/ui/i18n';
import { feedsSources } from './feeds';
import { notificationsSources } from './notifications';
import { sitesSources } from './sites';
import { followLanguage, generalSources } from './general';
import { dataSources } from './data';
import '@/assets/theme.css';
import './style.css';

void (async () => {
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], defaultSettings(import.meta.env.WXT_FEED_URL));
  await useLanguage(settings.language);
  document.documentElement.lang = uiLanguage();
  document.title = `Beta Radar · ${document.title}`;
  const paint = () =>
    render(
      <OptionsApp sources={{ feeds: feedsSources, notifications: notificationsSources, sites: sitesSources, general: generalSources, data: dataSources }} />,
      document.getElementById('app')!,
    );
  paint();
  followLanguage(settings.language, paint);
})();
