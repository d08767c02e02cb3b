/**
 * A posting written to attack whatever shows it: every front-matter field a view
 * shows and the Markdown body carry script injections, event handlers, dangerous
 * URL schemes and parser confusions. Shared by the offer view's unit test and the
 * popup's end-to-end test (where it travels the whole way: feed, worker, database,
 * index, popup).
 */
export const HOSTILE_FILE_NAME = '2024-05-02-xss.md';

// YAML single-quoted scalars: a ' is written ''.
export const HOSTILE_FRONT_MATTER = `---
roles: '<script>alert(1)</script><img src=x onerror=alert(2)> "><svg onload=alert(3)> Développeur·se'
startup: '<iframe src="javascript:alert(4)"></iframe><a href="javascript:alert(5)">startup</a>'
date: 2024-05-02
depublication_date: '<script>alert(30)</script>'
open: true
junior: true
contrat: '"><script>alert(6)</script><form action="javascript:alert(7)"><button formaction="javascript:alert(7)">CDD</button></form>'
domaines:
  - '<style>*{display:none}</style>Produit'
  - '<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>'
techno:
  - '<object data="javascript:alert(9)"></object>'
  - '<embed src="data:text/html,<script>alert(10)</script>">'
  - '<base href="javascript:alert(11)//"><meta http-equiv="refresh" content="0;url=javascript:alert(12)">'
contact: 'jobs@example.org, "><script>alert(13)</script>@evil.example, <a href="javascript:alert(14)">x@y.example</a>'
externalURL: 'javascript:alert(15)'
---
`;

export const HOSTILE_BODY = [
  '# Heading <script>alert(100)</script> <img src=x onerror=alert(101)>',
  '',
  'Inline: <script>alert(102)</script> <img src=x onerror=alert(103)> <svg onload=alert(104)> <iframe src="javascript:alert(105)"></iframe>',
  '<a href="javascript:alert(106)">a-js</a> <a href="&#106;avascript:alert(107)">a-entity</a> <a href="jav&#x09;ascript:alert(108)">a-tab</a>',
  '<a href=" javascript:alert(109)">a-space</a> <a href="https://ok.example/" onclick="alert(110)" style="position:fixed">a-ok</a>',
  '<a href="https://ok.example/"><img src=x onerror=alert(111)>img-in-link</a>',
  '',
  'Markdown links: [js](javascript:alert(120)) [JS](JaVaScRiPt:alert(121)) [data](data:text/html,<script>alert(122)</script>)',
  '[data64](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMjMpPC9zY3JpcHQ+) [vb](vbscript:msgbox(124)) [ent](&#106;avascript:alert(125))',
  '[hex](&#x6A;avascript:alert(126)) [angle](<javascript:alert(127)>) [spaced]( javascript:alert(128)) [proto](//evil.example/129)',
  '[rel](/relative/130) [noslash](https:evil.example/131) [backslash](https:\\\\evil.example/132) [ref][evil-ref]',
  '[title](https://ok.example/ "x\\" onmouseover=\\"alert(133)") [breakout](https://ok.example/"><script>alert(134)</script>)',
  '',
  'Autolinks: <javascript:alert(140)> <JAVASCRIPT:alert(141)> <data:text/html,alert(142)> <vbscript:alert(143)> www.ok.example',
  '',
  'Images: ![js](javascript:alert(150)) ![x](https://tracker.example/pixel.gif "t\\" onerror=\\"alert(151)") ![rel](/img/152.png)',
  '![data](data:image/svg+xml,<svg onload=alert(153)>) <img src="https://tracker.example/raw.gif" onerror="alert(154)">',
  '',
  '<script>',
  'alert(160)',
  '</script>',
  '',
  '<style>body { background: url(javascript:alert(161)) }</style>',
  '',
  '<iframe src="javascript:alert(162)" srcdoc="<script>alert(163)</script>">fallback</iframe>',
  '',
  '<object data="javascript:alert(164)"><embed src="javascript:alert(165)"></object>',
  '',
  '<form action="javascript:alert(166)"><input type=submit formaction="javascript:alert(167)" value=go></form>',
  '',
  '<svg><foreignObject><iframe src="javascript:alert(168)"></iframe></foreignObject><script>alert(169)</script></svg>',
  '',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(170)></style></mglyph></table></mtext></math>',
  '',
  '<noscript><p title="</noscript><img src=x onerror=alert(171)>"></noscript>',
  '',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(172)"><link rel=stylesheet href="https://evil.example/x.css">',
  '',
  '<div style="background:url(javascript:alert(173))" onclick="alert(174)">styled div</div>',
  '',
  '<scr<script>ipt>alert(175)</scr</script>ipt> "><script>alert(176)</script> \'><img src=x onerror=alert(177)>',
  '',
  '<!--<img src=x onerror=alert(180)>--> <!--> <img src=x onerror=alert(181)> -->',
  '',
  '<a href="https://ok.example/" <img src=x onerror=alert(182)>>malformed</a>',
  '',
  '<details open ontoggle=alert(183)><summary>sum</summary></details> <video><source onerror=alert(184)></video>',
  '',
  '<template><img src=x onerror=alert(185)></template> <textarea><img src=x onerror=alert(186)></textarea>',
  '',
  '[evil-ref]: javascript:alert(190)',
  '',
  '<img src="x" onerror="alert(199)" unclosed-at-the-end',
].join('\n');

/** Handler names and schemes of the payloads: they may show as text, never as markup. */
export const HOSTILE_MARKERS = ['onerror', 'onload', 'onclick', 'onmouseover', 'ontoggle', 'onfocus', 'javascript', 'vbscript', 'data:text'];


export const HOSTILE_POSTING_TEXT = HOSTILE_FRONT_MATTER + HOSTILE_BODY;
