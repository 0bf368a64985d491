// A confirmation in a native modal <dialog> (focus kept inside, Esc cancels), asked with `await ask(...)`.
import { useRef, useState } from "preact/hooks";

interface Question {
  text: string;
  action: string;
  resolve: (yes: boolean) => void;
}

export function useConfirm(): [preact.JSX.Element, (text: string, action: string) => Promise<boolean>] {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = (yes: boolean) => {
    question?.resolve(yes);
    setQuestion(null);
    dialog.current?.close();
  };
  const ask = (text: string, action: string) =>
    new Promise<boolean>((resolve) => {
      setQuestion({ text, action, resolve });
      // The harmless answer has the focus, so Enter never confirms by accident.
      queueMicrotask(() => { dialog.current?.showModal(); keep.current?.focus(); });
    });
  const element = (
    <dialog ref={dialog} aria-labelledby="confirm-text" onCancel={() => answer(false)}>
      <p id="confirm-text">{question?.text}</p>
      <div class="row">
        <button type="button" class="danger" onClick={() => answer(true)}>{question?.action ?? "OK"}</button>
        <button type="button" ref={keep} onClick={() => answer(false)}>Keep as is</button>
      </div>
    </dialog>
  );
  return [element, ask];
}
