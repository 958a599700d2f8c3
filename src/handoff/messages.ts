// What the trainer and the agents read during a hand-off. Fixed wording, no article facts.
export const trainerText = {
  connecting: "OK, I'm connecting you with a person from our support team. I've passed on what we talked about, so you won't have to repeat yourself.",
  position: (n: number) =>
    n === 1 ? "You're next in the queue." : `You're number ${n} in the queue.`,
  keepTyping: 'You can keep typing: your messages will wait for the agent. Say "cancel" to come back to the assistant.',
  positionChanged: (n: number) => (n === 1 ? "Update: you're next in the queue." : `Update: you're now number ${n} in the queue.`),
  alreadyWaiting: "You're already waiting for a person from our support team.",
  savedForAgent: "Got it, I'll pass that on when someone joins.",
  joined: (agent: string) => `${agent} from support has joined.`,
  fromAgent: (agent: string, text: string) => `${agent}: ${text}`,
  /** The agent handed the trainer back; `resumePath` when the route check was left half-way for the agent. */
  back: (agent?: string, resumePath = false) =>
    `${agent ? `${agent} from support has left the chat. ` : ''}You're back with the assistant. ` +
    (resumePath ? 'Say "check my status" to finish working out your recertification route, or ask me anything.' : 'Ask me anything about recertifying.'),
  cancelled: "OK, I've cancelled your request for a person. You're back with the assistant.",
  /** "cancel" while an agent is talking ends that chat. */
  endedChat: (agent: string) => `OK, I've ended your chat with ${agent}. You're back with the assistant.`,
  /** Added to the "forget me" confirmation when a request to support was open. */
  withdrawnOnForget: 'Your request to our support team was withdrawn too, and what you had told them (messages, email address) was deleted from it.',
  /** An unclear "never mind" while an agent is talking: asked, not guessed. */
  askEnd: 'Do you want to end your chat with support?',
  endChoices: ['Yes', 'No'],
  stillTalking: (agent: string) => `OK, you're still talking with ${agent}. I've passed on what you said.`,
  failed: "Sorry, I couldn't connect you with a person this time. You're back with the assistant.",
  timedOut:
    "Sorry, everyone from support is busy right now and nobody could join in time. " +
    'If you like, leave your email address and a short message, and someone will get back to you. ' +
    'Consent: by sending your email address you agree that ACTION support may use it to contact you about this request, and for nothing else. ' +
    'Or say "keep waiting" to stay in the queue, or "no thanks" to come back to the assistant.',
  timeoutChoices: ['Keep waiting', 'No thanks'],
  needEmail:
    'I need an email address to pass on your message (for example name@example.com). Or say "keep waiting" to stay in the queue, or "no thanks" to come back to the assistant.',
  keptWaiting: (n: number) => `OK, you stay in the queue. ${trainerText.position(n)} ${trainerText.keepTyping}`,
  noFollowUp: "OK, no follow-up. I've cancelled your request for a person. You're back with the assistant.",
  followUpSaved: (email: string) =>
    `Thanks. Your message is saved with your request and someone from support will write to ${email}. You're back with the assistant in the meantime.`,
  /** Files and pictures cannot travel through the relay (agents read text). */
  noFiles: "I can't pass files or pictures on to our support team in this chat. Please describe what it shows in words.",
};

export const agentText = {
  notFound: (id: string) => `There is no hand-off request ${id}.`,
  claimed: (id: string, by: string) => `Request ${id} was already claimed by ${by}.`,
  notWaiting: (id: string) => `Request ${id} is not waiting any more.`,
  /** Writing to a request nobody has claimed yet, or one already closed. */
  notClaimed: (id: string) => `Request ${id} is still waiting: claim it before writing to the trainer.`,
  closed: (id: string) => `Request ${id} is closed (the trainer is back with the assistant), so nothing was sent.`,
  connected: (id: string) =>
    `You're connected with the trainer of request ${id}. Whatever you type now goes to them; "resolve" hands them back to the assistant.`,
  noCurrent: 'You have no active conversation. Type "queue" to see who is waiting, then "claim <id>".',
  switched: (id: string) => `Now talking in request ${id}.`,
  notHeld: (id: string) => `You don't hold request ${id}.`,
  resolved: (id: string) => `Request ${id} is resolved; the trainer is back with the assistant.`,
  /** Where the agent's next words go once a request of theirs closed. */
  nowCurrent: (id: string | undefined) =>
    id ? `You're now talking in request ${id}.` : 'You hold no other requests: type "queue" to see who is waiting.',
  /** An agent typed after their conversation ended: say so rather than hand the words to the FAQ. */
  notSent: (id: string) =>
    `Not sent: request ${id} is closed and you're not talking with anyone. Type "queue" to see who is waiting, or ask again and I'll answer as the assistant.`,
  /** The trainer said "forget me": the request is closed and what they told us is gone from it. */
  withdrawn: (id: string) => `Request ${id} was withdrawn by the trainer, who asked us to delete their data, so nothing was sent.`,
  trainerWithdrew: (id: string) => `[${id}] The trainer withdrew the request and asked us to delete their data; their messages are no longer kept.`,
  trainerSays: (id: string, text: string) => `[${id}] Trainer: ${text}`,
  trainerSentFile: (id: string, what: string) => `[${id}] The trainer tried to send ${what}, which can't be passed on in this chat; they were asked to describe it.`,
  trainerLeft: (id: string) => `[${id}] The trainer cancelled and went back to the assistant.`,
  emptyQueue: 'Nobody is waiting.',
  help:
    'Agent commands: "queue" (who is waiting), "claim <id>", "switch <id>" (when you hold several), "resolve" (hand back), "resolve <id>".',
};
