import { render } from 'preact';
render(<p>Beta Radar</p>, document.getElementById('app')!);
