// Every sentence of the quiz, in English and Korean.
import type { Language } from './i18n.js';
import { josa } from './korean.js';

export interface QuizStrings {
  questionTitle: (round: number, total: number) => string;
  closes: (when: string) => string;
  prompt: {
    establishedInYear: (base: string, year: number) => string;
    decadeOf: (base: string, partner: string) => string;
    yearOf: (base: string, partner: string) => string;
    noRelations: (base: string) => string;
    severed: (base: string) => string;
    mostRecent: (base: string) => string;
    restoredInYear: (year: number) => string;
  };
  decade: (decade: number) => string;
  year: (year: number) => string;
  difficulty: Record<'easy' | 'medium' | 'hard', string>;
  answerWas: (label: string) => string;
  explainEstablished: (base: string, partner: string, date: string) => string;
  explainSevered: (base: string, partner: string, date: string) => string;
  explainNone: (base: string, partner: string) => string;
  explainRestored: (a: string, b: string, date: string) => string;
  source: string;
  gotIt: string;
  nobodyGotIt: string;
  answersCount: (count: number) => string;
  finalTitle: string;
  finalLine: (rank: number, user: string, points: number, right: number, total: number) => string;
  nobodyPlayed: string;
  finalFooter: string;
  notCounted: (min: number) => string;
  stoppedTitle: string;
  stoppedNote: (user: string, closed: number, total: number) => string;
  stoppedQuestion: (user: string) => string;
  stopRefused: string;
  noQuizToStop: string;
  recorded: (label: string) => string;
  changed: (label: string) => string;
  confirmed: (label: string) => string;
  noMoreChanges: (label: string) => string;
  closedQuestion: string;
  quizEnded: string;
  endedByRestart: string;
  alreadyRunning: string;
  /** A month, `YYYY-MM`, in words. */
  month: (month: string) => string;
  leaderboardOf: (period: string) => string;
  allTime: string;
  monthEmpty: (month: string) => string;
  leaderboardLine: (rank: number, user: string, points: number, accuracy: number, answered: number) => string;
  leaderboardEmpty: string;
  page: (page: number, pages: number) => string;
  previous: string;
  next: string;
  statsTitle: string;
  stats: { answered: string; right: string; accuracy: string; streak: string; best: string; points: string };
  noStats: (user: string) => string;
  daily: DailyStrings;
}

/** The daily challenge (/quiz daily). `day` arrives already in words. */
export interface DailyStrings {
  questionTitle: (number: number, total: number) => string;
  footer: (day: string, difficulty: string) => string;
  resumed: (number: number) => string;
  right: string;
  wrong: string;
  yourAnswer: (label: string) => string;
  resultTitle: (day: string, right: number, total: number) => string;
  comeBack: (next: string) => string;
  oneTry: (next: string) => string;
  lateFinish: (day: string) => string;
  streak: string;
  streakLine: (current: number, best: number) => string;
  board: string;
  boardLine: (rank: number, user: string, right: number, total: number, streak: number) => string;
  expired: (day: string) => string;
}

const en: QuizStrings = {
  questionTitle: (round, total) => `Question ${round} of ${total}`,
  closes: (when) => `Answers close ${when}.`,
  prompt: {
    establishedInYear: (base, year) => `Which country established diplomatic relations with ${base} in ${year}?`,
    decadeOf: (base, partner) => `In which decade did ${partner} and ${base} establish diplomatic relations?`,
    yearOf: (base, partner) => `In which year did ${partner} and ${base} establish diplomatic relations?`,
    noRelations: (base) => `Which of these countries has no diplomatic relations with ${base}?`,
    severed: (base) => `Which of these countries had its relations with ${base} severed?`,
    mostRecent: (base) => `Which of these countries established relations with ${base} most recently?`,
    restoredInYear: (year) => `Which of these pairs of countries restored diplomatic relations in ${year}?`,
  },
  decade: (decade) => `${decade}s`,
  year: (year) => `${year}`,
  difficulty: { easy: 'Easy', medium: 'Medium', hard: 'Hard' },
  answerWas: (label) => `✅ The answer: **${label}**`,
  explainEstablished: (base, partner, date) => `${base} and ${partner} established relations: ${date}.`,
  explainSevered: (base, partner, date) => `Relations between ${base} and ${partner} were severed: ${date}.`,
  explainNone: (base, partner) => `${base} and ${partner} have no diplomatic relations.`,
  explainRestored: (a, b, date) => `${a} and ${b} restored relations after a break: ${date}.`,
  source: 'Source',
  gotIt: 'Got it right',
  nobodyGotIt: 'Nobody got this one.',
  answersCount: (count) => `${count} answer${count === 1 ? '' : 's'}`,
  finalTitle: 'Quiz over: final scores',
  finalLine: (rank, user, points, right, total) =>
    `${rank}. ${user}: ${points.toLocaleString('en-US')} points (${right}/${total} right)`,
  nobodyPlayed: 'Nobody answered this time.',
  finalFooter: 'Scores count towards /quiz leaderboard.',
  notCounted: (min) =>
    `Fewer than ${min} players took part, so these points do not count on the leaderboard: a quiz needs at least ${min} players.`,
  stoppedTitle: 'Quiz stopped: final scores',
  stoppedNote: (user, closed, total) =>
    `${user} stopped the quiz after ${closed} of ${total} questions. The open question was not scored.`,
  stoppedQuestion: (user) => `⏹️ ${user} stopped this quiz.`,
  stopRefused: 'Only the person who started this quiz, or a member with Manage Server, can stop it.',
  noQuizToStop: 'No quiz is running in this channel.',
  recorded: (label) => `You answered **${label}**. The answer is revealed when time is up.`,
  changed: (label) => `You changed your answer to **${label}**. You may change it only once before the reveal.`,
  confirmed: (label) => `Your answer is still **${label}**.`,
  noMoreChanges: (label) => `You have already changed your answer once; **${label}** stands.`,
  closedQuestion: 'This question is closed.',
  quizEnded: 'This quiz has ended. Start a new one with /quiz start.',
  endedByRestart: 'This quiz ended because the bot restarted. Scores earned so far are kept.',
  alreadyRunning: 'A quiz is already running in this channel. Join in, or wait for it to end.',
  month: (month) =>
    new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  leaderboardOf: (period) => `Quiz leaderboard: ${period}`,
  allTime: 'all time',
  monthEmpty: (month) =>
    `No scores in ${month} yet. Start a quiz with /quiz start, or see /quiz leaderboard period:all.`,
  leaderboardLine: (rank, user, points, accuracy, answered) =>
    `${rank}. ${user}: ${points.toLocaleString('en-US')} points (${Math.round(accuracy * 100)}% of ${answered})`,
  leaderboardEmpty: 'No scores yet. Start a quiz with /quiz start.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  previous: 'Previous',
  next: 'Next',
  statsTitle: 'Quiz stats',
  stats: {
    answered: 'Answered',
    right: 'Right',
    accuracy: 'Accuracy',
    streak: 'Current streak',
    best: 'Best streak',
    points: 'Points',
  },
  noStats: (user) => `${user} has not answered any quiz question here yet.`,
  daily: {
    questionTitle: (number, total) => `Daily challenge: question ${number} of ${total}`,
    footer: (day, difficulty) => `${day} · ${difficulty} · one try, no time limit`,
    resumed: (number) => `Welcome back: you stopped before question ${number}.`,
    right: '✅ Right',
    wrong: '❌ Not this one',
    yourAnswer: (label) => `You chose **${label}**.`,
    resultTitle: (day, right, total) => `Daily challenge of ${day}: ${right} of ${total} right`,
    comeBack: (next) => `The next challenge opens ${next}.`,
    oneTry: (next) => `You have played today's challenge: one try a day. The next one opens ${next}.`,
    lateFinish: (day) => `You finished the challenge of ${day}, which counts for that day.`,
    streak: 'Streak',
    streakLine: (current, best) =>
      `🔥 ${current} day${current === 1 ? '' : 's'} in a row (best: ${best} day${best === 1 ? '' : 's'})`,
    board: 'Board of the day',
    boardLine: (rank, user, right, total, streak) => `${rank}. ${user}: ${right}/${total} · 🔥 ${streak}`,
    expired: (day) => `The challenge of ${day} is closed. Play today's with /quiz daily.`,
  },
};

const ko: QuizStrings = {
  questionTitle: (round, total) => `문제 ${round}/${total}`,
  closes: (when) => `${when} 마감됩니다.`,
  prompt: {
    establishedInYear: (base, year) => `${year}년에 ${josa(base, '과', '와')} 수교한 나라는?`,
    decadeOf: (base, partner) => `${josa(partner, '과', '와')} ${josa(base, '은', '는')} 몇 년대에 수교했을까요?`,
    yearOf: (base, partner) => `${josa(partner, '과', '와')} ${josa(base, '은', '는')} 몇 년에 수교했을까요?`,
    noRelations: (base) => `다음 중 ${josa(base, '과', '와')} 외교 관계가 없는 나라는?`,
    severed: (base) => `다음 중 ${josa(base, '과', '와')}의 관계가 단절된 나라는?`,
    mostRecent: (base) => `다음 중 ${josa(base, '과', '와')} 가장 최근에 수교한 나라는?`,
    restoredInYear: (year) => `다음 중 ${year}년에 외교 관계를 복원한 두 나라는?`,
  },
  decade: (decade) => `${decade}년대`,
  year: (year) => `${year}년`,
  difficulty: { easy: '쉬움', medium: '보통', hard: '어려움' },
  answerWas: (label) => `✅ 정답: **${label}**`,
  explainEstablished: (base, partner, date) => `${josa(base, '과', '와')} ${partner}의 수교: ${date}.`,
  explainSevered: (base, partner, date) => `${josa(base, '과', '와')} ${partner}의 관계 단절: ${date}.`,
  explainNone: (base, partner) => `${josa(base, '과', '와')} ${josa(partner, '은', '는')} 외교 관계가 없습니다.`,
  explainRestored: (a, b, date) =>
    `${josa(a, '과', '와')} ${josa(b, '은', '는')} 단절됐던 관계를 복원했습니다: ${date}.`,
  source: '출처',
  gotIt: '정답자',
  nobodyGotIt: '아무도 맞히지 못했습니다.',
  answersCount: (count) => `응답 ${count}명`,
  finalTitle: '퀴즈 종료: 최종 점수',
  finalLine: (rank, user, points, right, total) =>
    `${rank}. ${user}: ${points.toLocaleString('ko-KR')}점 (${total}문제 중 ${right}개 정답)`,
  nobodyPlayed: '이번에는 아무도 답하지 않았습니다.',
  finalFooter: '점수는 순위표(/퀴즈 순위)에 반영됩니다.',
  notCounted: (min) =>
    `참가자가 ${min}명보다 적어 이번 점수는 순위에 반영되지 않습니다. 퀴즈 점수는 ${min}명 이상 참가해야 반영됩니다.`,
  stoppedTitle: '퀴즈 중단: 최종 점수',
  stoppedNote: (user, closed, total) =>
    `${user}님이 퀴즈를 중단했습니다 (${total}문제 중 ${closed}문제 완료). 진행 중이던 문제는 채점하지 않았습니다.`,
  stoppedQuestion: (user) => `⏹️ ${user}님이 이 퀴즈를 중단했습니다.`,
  stopRefused: '퀴즈를 시작한 사람이나 서버 관리 권한이 있는 멤버만 퀴즈를 중단할 수 있습니다.',
  noQuizToStop: '이 채널에서 진행 중인 퀴즈가 없습니다.',
  recorded: (label) => `**${label}** 선택지로 답했습니다. 시간이 끝나면 정답을 공개합니다.`,
  changed: (label) => `답을 **${label}** 선택지로 바꿨습니다. 정답 공개 전에 한 번만 바꿀 수 있습니다.`,
  confirmed: (label) => `답은 그대로 **${label}** 선택지입니다.`,
  noMoreChanges: (label) => `이미 답을 한 번 바꿨기 때문에 더 바꿀 수 없습니다. 현재 답: **${label}**`,
  closedQuestion: '이 문제는 마감되었습니다.',
  quizEnded: '이 퀴즈는 끝났습니다. 새 퀴즈는 `/퀴즈 시작` 명령으로 시작하세요.',
  endedByRestart: '봇이 다시 시작되어 이 퀴즈가 끝났습니다. 지금까지 얻은 점수는 그대로 남습니다.',
  alreadyRunning: '이 채널에서 이미 퀴즈가 진행 중입니다. 함께 참여하거나 끝날 때까지 기다려 주세요.',
  month: (month) => `${month.slice(0, 4)}년 ${Number(month.slice(5, 7))}월`,
  leaderboardOf: (period) => `퀴즈 순위: ${period}`,
  allTime: '전체 기간',
  monthEmpty: (month) =>
    `${month}에는 아직 점수가 없습니다. \`/퀴즈 시작\` 명령으로 퀴즈를 시작하거나, 전체 기간 순위(\`/퀴즈 순위 기간:전체\`)를 보세요.`,
  leaderboardLine: (rank, user, points, accuracy, answered) =>
    `${rank}. ${user}: ${points.toLocaleString('ko-KR')}점 (${answered}문제, 정답률 ${Math.round(accuracy * 100)}%)`,
  leaderboardEmpty: '아직 점수가 없습니다. `/퀴즈 시작` 명령으로 퀴즈를 시작하세요.',
  page: (page, pages) => `${pages}쪽 중 ${page}쪽`,
  previous: '이전',
  next: '다음',
  statsTitle: '퀴즈 기록',
  stats: {
    answered: '응답',
    right: '정답',
    accuracy: '정답률',
    streak: '현재 연속 정답',
    best: '최고 연속 정답',
    points: '점수',
  },
  noStats: (user) => `${user}님은 이 서버에서 아직 퀴즈에 답하지 않았습니다.`,
  daily: {
    questionTitle: (number, total) => `오늘의 퀴즈: 문제 ${number}/${total}`,
    footer: (day, difficulty) => `${day} · ${difficulty} · 하루 한 번, 시간제한 없음`,
    resumed: (number) => `다시 오셨네요. ${number}번 문제부터 이어서 풉니다.`,
    right: '✅ 정답',
    wrong: '❌ 오답',
    yourAnswer: (label) => `고른 답: **${label}**`,
    resultTitle: (day, right, total) => `오늘의 퀴즈 · ${day}: ${total}문제 중 ${right}개 정답`,
    comeBack: (next) => `다음 퀴즈는 ${next} 열립니다.`,
    oneTry: (next) => `오늘의 퀴즈는 이미 풀었습니다. 하루에 한 번만 풀 수 있습니다. 다음 퀴즈는 ${next} 열립니다.`,
    lateFinish: (day) => `${day} 퀴즈를 마쳤습니다. 점수는 그날 기록으로 남습니다.`,
    streak: '연속 참여',
    streakLine: (current, best) => `🔥 ${current}일 연속 (최고 ${best}일)`,
    board: '오늘의 순위',
    boardLine: (rank, user, right, total, streak) => `${rank}. ${user}: ${right}/${total} · 🔥 ${streak}일`,
    expired: (day) => `${day} 퀴즈는 마감되었습니다. 오늘의 퀴즈는 \`/퀴즈 오늘\` 명령으로 풀어 보세요.`,
  },
};

export const quizStrings: Record<Language, QuizStrings> = { en, ko };
