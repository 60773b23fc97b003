import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { render } from '@react-email/render';
import { Text } from '@react-email/text';

/** What the template shows: a heading, paragraphs ("- " lines are a list), one button, the footer. */
export type EmailView = {
  heading: string;
  body: string;
  action: { label: string; url: string } | null;
  /** The preferences page for this message's category; account e-mails have none. */
  unsubscribeUrl: string | null;
};

const styles = {
  body: { backgroundColor: '#f1f5f9', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '560px', padding: '32px' },
  brand: { color: '#059669', fontSize: '14px', fontWeight: 700, letterSpacing: '0.04em', margin: '0 0 16px' },
  heading: { color: '#0f172a', fontSize: '20px', lineHeight: '28px', margin: '0 0 16px' },
  text: { color: '#334155', fontSize: '15px', lineHeight: '24px', margin: '0 0 12px' },
  button: { backgroundColor: '#059669', borderRadius: '6px', color: '#ffffff', fontSize: '15px', fontWeight: 600, padding: '12px 20px' },
  footer: { color: '#64748b', fontSize: '12px', lineHeight: '18px', margin: '0' },
};

function Paragraph({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <Text style={styles.text}>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line.startsWith('- ') ? `• ${line.slice(2)}` : line}
        </span>
      ))}
    </Text>
  );
}

/** The one e-mail template: every ChefOps message, HTML and (derived from it) text. */
export function ChefOpsEmail({ heading, body, action, unsubscribeUrl }: EmailView) {
  const paragraphs = body.split(/\n{2,}/);
  return (
    <Html lang="en">
      <Head />
      <Preview>{heading}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>CHEFOPS</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {paragraphs.map((p, i) => (
            <Paragraph key={i} text={p} />
          ))}
          {action && (
            <Text style={{ margin: '24px 0' }}>
              <Button href={action.url} style={styles.button}>
                {action.label}
              </Button>
            </Text>
          )}
          <Hr />
          {unsubscribeUrl ? (
            <Text style={styles.footer}>
              You receive this e-mail as an administrator or manager in ChefOps. You will still see it in the app.{' '}
              <Link href={unsubscribeUrl}>Stop e-mails like this</Link>
            </Text>
          ) : (
            <Text style={styles.footer}>This e-mail was sent by ChefOps.</Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

const MARK = { heading: '%%HEADING%%', paragraphs: '%%PARAGRAPHS%%', label: '%%LABEL%%', url: '%%URL%%', unsubscribe: '%%UNSUBSCRIBE%%', line: '%%LINE%%' };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/**
 * React rendering costs milliseconds per message, too much at a hundred messages a second, so
 * the template is rendered once per shape (with or without button and unsubscribe link) with
 * markers, and each message fills in its escaped text.
 */
const shells = new Map<string, Promise<{ page: string; paragraph: string }>>();

function shellFor(view: EmailView) {
  const key = `${view.action ? 'a' : '-'}${view.unsubscribeUrl ? 'u' : '-'}`;
  let shell = shells.get(key);
  if (!shell) {
    shell = (async () => {
      const page = await render(
        <ChefOpsEmail
          heading={MARK.heading}
          body={MARK.paragraphs}
          action={view.action ? { label: MARK.label, url: MARK.url } : null}
          unsubscribeUrl={view.unsubscribeUrl ? MARK.unsubscribe : null}
        />,
      );
      const paragraph = page.slice(page.lastIndexOf('<p', page.indexOf(MARK.paragraphs)), page.indexOf('</p>', page.indexOf(MARK.paragraphs)) + 4);
      return { page: page.replace(paragraph, MARK.paragraphs), paragraph: paragraph.replace(/<span>%%PARAGRAPHS%%<\/span>|%%PARAGRAPHS%%/, MARK.line) };
    })();
    shells.set(key, shell);
  }
  return shell;
}

const paragraphsOf = (body: string) => body.split(/\n{2,}/).map((p) => p.split('\n').map((l) => (l.startsWith('- ') ? `• ${l.slice(2)}` : l)));

/** The text part: the same view in the same order as the HTML. */
function renderText(view: EmailView): string {
  const parts = [view.heading, ...paragraphsOf(view.body).map((lines) => lines.join('\n'))];
  if (view.action) parts.push(`${view.action.label}: ${view.action.url}`);
  parts.push(
    view.unsubscribeUrl
      ? `--\nYou receive this e-mail as an administrator or manager in ChefOps. You will still see it in the app.\nStop e-mails like this: ${view.unsubscribeUrl}`
      : '--\nThis e-mail was sent by ChefOps.',
  );
  return `${parts.join('\n\n')}\n`;
}

/** HTML and plain-text parts of one message, from the same template and view. */
export async function renderEmail(view: EmailView): Promise<{ html: string; text: string }> {
  const shell = await shellFor(view);
  const paragraphs = paragraphsOf(view.body)
    .map((lines) => shell.paragraph.replace(MARK.line, () => lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('<br/>')))
    .join('');
  const html = shell.page
    .replaceAll(MARK.heading, () => escapeHtml(view.heading))
    .replace(MARK.paragraphs, () => paragraphs)
    .replace(MARK.label, () => escapeHtml(view.action?.label ?? ''))
    .replace(MARK.url, () => escapeHtml(view.action?.url ?? ''))
    .replace(MARK.unsubscribe, () => escapeHtml(view.unsubscribeUrl ?? ''));
  return { html, text: renderText(view) };
}
