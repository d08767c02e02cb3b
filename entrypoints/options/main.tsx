import { render } from 'preact';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import { t, uiLanguage, useLanguage } from '@/src/ui/i18n';
import { loadSettings } from './settings-store';
import { feedsSources } from './feeds';
import { notificationsSources } from './notifications';
import { sitesSources } from './sites';
import { followLanguage, generalSources } from './general';
import { dataSources } from './data';
import '@/assets/theme.css';
import './style.css';

void (async () => {
  const settings = await loadSettings();
  await useLanguage(settings.language);
  document.documentElement.lang = uiLanguage();
  const paint = () => {
    document.title = t('optionsTitle');
    render(
      <OptionsApp sources={{ feeds: feedsSources, notifications: notificationsSources, sites: sitesSources, general: generalSources, data: dataSources }} />,
      document.getElementById('app')!,
    );
  };
  paint();
  followLanguage(settings.language, paint);
})();
