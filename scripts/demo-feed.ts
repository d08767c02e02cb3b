/**
 * A small synthetic feed in the beta.gouv.fr format, written by the project for
 * the demo (no real posting text). Dates are relative to today so that the demo
 * always has fresh open offers, and the files carry the feed's usual quirks.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function day(offsetDays: number, now = new Date()): string {
  return new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export function demoPostings(now = new Date()): { path: string; text: string }[] {
  return [
    {
      path: `${day(-2, now)}-radar-dev-fullstack.md`,
      text: `---
roles: Développeur·se fullstack 🚀
open: true
startup: radar-des-aides
domaines:
  - Développement
techno:
  - TypeScript
  - PostgreSQL
contrat: Freelance
---
Une startup d'État fictive cherche un·e développeur·se pour simplifier l'accès aux aides.
<!--more-->
## Mission
Construire le service avec l'équipe, livrer souvent, mesurer l'impact.

Candidature : écrire à recrutement-demo@example.org
`,
    },
    {
      path: `${day(-5, now)}-radar-chef-produit.md`,
      text: `---
title: "Chargé(e) de déploiement / Chef·fe de produit"
open: "true"
startup : Radar des Aides   # display name, as some postings write it
date: ${day(-5, now)}
domaines: Déploiement
junior: true
contact: produit-demo@example.org
---
Accompagner les collectivités qui adoptent le service.
`,
    },
    {
      path: `${day(-9, now)}-carto-designer.md`,
      text: `---
roles: Designer UX/UI (H/F)
open: true
startup: carto-demo
depublication_date: ${day(30, now)}
domaines:
  - Design
---
Concevoir les parcours d'un outil de cartographie, avec les usagers.
`,
    },
    {
      path: `${day(-20, now)}-data-analyste.md`,
      text: `---
roles: Analyste de données
open: true
startup: ""
domaines: [Data]
externalURL: https://example.org/offres/analyste
---
Analyser les données d'usage et publier des tableaux de bord ouverts.
`,
    },
    {
      path: `${day(-200, now)}-ancien-poste-dev.md`,
      text: `---
roles: Développeur(euse) back-end
open: false
poste_pourvu: true
startup: carto-demo
---
Poste pourvu : gardé pour l'historique.
`,
    },
    {
      path: `${day(-40, now)}-coach-agile.md`,
      text: `---
roles: Coach agile
open: true
startup: radar-des-aides
depublication_date: ${day(-1, now)}
---
Offre dépubliée hier : elle doit apparaître comme fermée.
`,
    },
  ];
}

export async function writeDemoFeed(folder: string, now = new Date()): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const postings = demoPostings(now);
  await Promise.all(postings.map((p) => writeFile(join(folder, p.path), p.text)));
  return postings.map((p) => p.path);
}
