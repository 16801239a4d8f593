import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { DraftNote } from '../../domain/kijkwijzer/draftNote';

/** The draft note as a Word document the commissie can finish: title, paragraphs, headed lists. */
export async function draftNoteDocx(note: DraftNote): Promise<Buffer> {
  const document = new Document({
    creator: 'SVIB-bot',
    title: note.title,
    sections: [
      {
        children: [
          new Paragraph({ text: note.title, heading: HeadingLevel.TITLE }),
          ...note.paragraphs.map((text) => new Paragraph({ text })),
          ...note.sections.flatMap((section) => [
            new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }),
            ...section.items.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
