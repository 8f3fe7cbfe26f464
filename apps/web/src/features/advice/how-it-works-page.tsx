import { Page } from "../../ui/page";
import { TargetControl } from "./target-control";
import "./advice.css";

/** "How Cando works": the engine's rules in plain language, with their sources (docs/engine.md). */
export function HowItWorksPage() {
  return (
    <Page title="How Cando works">
      <section class="card prose" aria-labelledby="how-predict">
        <h2 id="how-predict">How Cando predicts your chance at a step</h2>
        <p>
          Before you try anything, your own ratings are the best guide: a step you rate 70 starts at
          a 70% chance. A step you have not rated is placed between the steps around it, and Cando
          says so; rate it and the estimate starts from your rating.
        </p>
        <p>
          After each attempt Cando updates two things: how able you are now, and how hard each step
          really is. Each comes with how sure Cando is about it. A surprise is shared by how little
          is known: a first setback on a step you have never tried mostly says that step is harder
          than you thought, not that you got worse at everything. This is the Elo rating system with
          uncertainty used by adaptive learning sites (Pelánek 2016; Glickman 1999). Cando also
          expects you to grow a little with each attempt, most when the step is a stretch and least
          after an easy win, and learns how fast you do.
        </p>
        <p>
          Every chance shown has a “Why?” next to it: what it rests on (your rating, your attempts),
          how sure it is, and a likely range.
        </p>
      </section>

      <section class="card prose" aria-labelledby="how-next">
        <h2 id="how-next">How Cando chooses your next step</h2>
        <p>
          Cando recommends the step whose chance is closest to your target: challenging yet
          achievable. Easy wins do not build belief, and repeated failure wears it down (Bandura
          1997). Learning is fastest when you succeed about 85% of the time (Wilson et al. 2019);
          Math Garden aims for 75% (Klinkenberg et al. 2011). The default target is 80%.
        </p>
        <TargetControl />
        <ul>
          <li>Right after a success, Cando never sends you back down.</li>
          <li>Before your first attempt, Cando only skips a step you rated 90 or more yourself.</li>
          <li>
            A step you have mastered stays mastered: only setbacks on that step itself can take it
            away, and you can always mark a step mastered or not yourself.
          </li>
          <li>
            After three setbacks in a row on a step that is far from your target, right above one
            you can already do, Cando suggests adding a smaller step in between, with a suggested
            rating, and meanwhile practising the step below.
          </li>
        </ul>
      </section>

      <section class="card prose" aria-labelledby="how-master">
        <h2 id="how-master">When a step counts as mastered</h2>
        <p>
          A step is mastered when Cando predicts at least a 90% chance and at least 2 of your last 3
          attempts at it were done: the prediction and your record agree. The milestone is dated by
          the attempt that earned it, counts the evidence behind it, and its praise matches the
          effort you put in and what you said in your debriefs.
        </p>
      </section>

      <section class="card prose" aria-labelledby="how-scale">
        <h2 id="how-scale">Your efficacy scale and calibration</h2>
        <p>
          Your ratings across a ladder are scored the way Bandura's scales are (Bandura 2006):
          strength is your average rating; level is how many steps you rate 50 or more; composite is
          the average of those steps, the scoring Lee and Bobko (1994) found best.
        </p>
        <p>
          Belief calibration compares the confidence you state before attempts with what happened,
          over at least 10 attempts: 10 points or more below your results is under-confidence (the
          imposter pattern), 10 or more above is over-confidence (Lichtenstein, Fischhoff & Phillips
          1982). Insights also shows how well Cando's own predictions matched your attempts, once
          there are 20 of them.
        </p>
      </section>

      <section class="card prose" aria-labelledby="how-own-share">
        <h2 id="how-own-share">Your own share of a success</h2>
        <p>
          When doubt says a success was luck, the imposter exercise asks you to weigh what produced
          it: your effort, skill and strategy, and luck, help from others and timing. Your own share
          is the weight of the first three out of all the weight you gave, so 60 for effort and 40
          for luck is a 60% own share. It is not a score to improve: it shows the part that was
          yours, the part you can repeat. Imposter feelings credit success to outside causes (Clance
          & Imes 1978); seeing effort and strategy behind it is what lets belief catch up with the
          evidence (Weiner 1985; Bandura 1997).
        </p>
        <p>
          Each piece of evidence also shows how much of it was your own doing. For a success you
          debriefed, Cando works it out from the causes you rated: your effort, strategy and ability
          out of all of them, luck, help and an easy task included. For evidence you add yourself,
          it is your own estimate. You can change it at any time; when doubt comes, evidence that
          was more your own doing comes first.
        </p>
      </section>

      <section class="card prose" aria-labelledby="how-sources">
        <h2 id="how-sources">Sources</h2>
        <ul class="sources">
          <li>Bandura, A. (1997). Self-efficacy: The exercise of control. Freeman.</li>
          <li>
            Clance, P. R., & Imes, S. A. (1978). The imposter phenomenon in high achieving women:
            Dynamics and therapeutic intervention. Psychotherapy: Theory, Research & Practice,
            15(3).
          </li>
          <li>
            Bandura, A. (2006). Guide for constructing self-efficacy scales. In Pajares & Urdan
            (Eds.), Self-efficacy beliefs of adolescents.
          </li>
          <li>
            Glickman, M. E. (1999). Parameter estimation in large dynamic paired comparison
            experiments. Applied Statistics, 48(3).
          </li>
          <li>
            Klinkenberg, S., Straatemeier, M., & van der Maas, H. L. J. (2011). Computer adaptive
            practice of Maths ability using a new item response model. Computers & Education, 57(2).
          </li>
          <li>
            Lee, C., & Bobko, P. (1994). Self-efficacy beliefs: Comparison of five measures. Journal
            of Applied Psychology, 79(3).
          </li>
          <li>
            Lichtenstein, S., Fischhoff, B., & Phillips, L. D. (1982). Calibration of probabilities:
            The state of the art to 1980.
          </li>
          <li>
            Pelánek, R. (2016). Applications of the Elo rating system in adaptive educational
            systems. Computers & Education, 98.
          </li>
          <li>
            Wilson, R. C., Shenhav, A., Straccia, M., & Cohen, J. D. (2019). The Eighty Five Percent
            Rule for optimal learning. Nature Communications, 10.
          </li>
          <li>
            Weiner, B. (1985). An attributional theory of achievement motivation and emotion.
            Psychological Review, 92(4).
          </li>
        </ul>
      </section>
    </Page>
  );
}
